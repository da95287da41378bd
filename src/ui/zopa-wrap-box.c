/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-wrap-box.c: a row of children that turns into a column when the row does not fit */

#include "config.h"

#include "zopa-wrap-box.h"

struct _ZopaWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (ZopaWrapBox, zopa_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible_children (ZopaWrapBox *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;
  return n;
}

/* The room between n children. */
static int
total_spacing (ZopaWrapBox *self,
               guint        n)
{
  return n > 1 ? self->spacing * (int) (n - 1) : 0;
}

/* The width of the row with every child at its minimum. */
static int
row_minimum_width (ZopaWrapBox *self)
{
  int sum = total_spacing (self, count_visible_children (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      sum += minimum;
    }
  return sum;
}

static gboolean
fits_in_row (ZopaWrapBox *self,
             int          width)
{
  return width < 0 || row_minimum_width (self) <= width;
}

static void
measure_width (ZopaWrapBox *self,
               int         *minimum,
               int         *natural)
{
  *minimum = 0;
  *natural = total_spacing (self, count_visible_children (self));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural += child_natural;
    }
}

/* In a row: the tallest child; in a column: the children's heights at the full width. */
static void
measure_height (ZopaWrapBox *self,
                int          width,
                int         *minimum,
                int         *natural)
{
  gboolean in_row = fits_in_row (self, width);
  guint n = count_visible_children (self);

  *minimum = *natural = in_row ? 0 : total_spacing (self, n);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, in_row ? -1 : width,
                          &child_minimum, &child_natural, NULL, NULL);
      if (in_row)
        {
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
      else
        {
          *minimum += child_minimum;
          *natural += child_natural;
        }
    }
}

static void
zopa_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ZopaWrapBox *self = ZOPA_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    measure_width (self, minimum, natural);
  else
    measure_height (self, for_size, minimum, natural);
}

static void
allocate_row (ZopaWrapBox *self,
              int          width,
              int          height,
              guint        n)
{
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, n);
  int room = width - total_spacing (self, n);
  guint n_expanding = 0;
  guint i = 0;
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      sizes[i].data = child;
      room -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        n_expanding++;
      i++;
    }
  room = gtk_distribute_natural_allocation (MAX (room, 0), n, sizes);

  for (i = 0; i < n; i++)
    {
      GtkWidget *child = sizes[i].data;
      int child_width = sizes[i].minimum_size;

      /* What is left over after the natural widths goes to the expanding children. */
      if (n_expanding > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = room / (int) n_expanding;

          child_width += share;
          room -= share;
          n_expanding--;
        }
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        gtk_widget_size_allocate (child, &(GtkAllocation) { width - x - child_width, 0, child_width, height }, -1);
      else
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, child_width, height }, -1);
      x += child_width + self->spacing;
    }
}

static void
allocate_column (ZopaWrapBox *self,
                 int          width,
                 int          height)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + self->spacing;
    }
}

static void
zopa_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ZopaWrapBox *self = ZOPA_WRAP_BOX (widget);
  guint n = count_visible_children (self);

  if (n == 0)
    return;
  if (!fits_in_row (self, width))
    allocate_column (self, width, height);
  else
    allocate_row (self, width, height, n);
}

static GtkSizeRequestMode
zopa_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
zopa_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (zopa_wrap_box_parent_class)->dispose (object);
}

static void
zopa_wrap_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZopaWrapBox *self = ZOPA_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_wrap_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZopaWrapBox *self = ZOPA_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      zopa_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zopa_wrap_box_class_init (ZopaWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zopa_wrap_box_dispose;
  object_class->get_property = zopa_wrap_box_get_property;
  object_class->set_property = zopa_wrap_box_set_property;
  widget_class->measure = zopa_wrap_box_measure;
  widget_class->size_allocate = zopa_wrap_box_size_allocate;
  widget_class->get_request_mode = zopa_wrap_box_get_request_mode;

  /* Between the children, across in a row and down in a column. */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "zopa-wrap-box");
}

static void
zopa_wrap_box_init (ZopaWrapBox *self)
{
}

GtkWidget *
zopa_wrap_box_new (void)
{
  return g_object_new (ZOPA_TYPE_WRAP_BOX, NULL);
}

int
zopa_wrap_box_get_spacing (ZopaWrapBox *self)
{
  g_return_val_if_fail (ZOPA_IS_WRAP_BOX (self), 0);
  return self->spacing;
}

void
zopa_wrap_box_set_spacing (ZopaWrapBox *self,
                           int          spacing)
{
  g_return_if_fail (ZOPA_IS_WRAP_BOX (self));
  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}
