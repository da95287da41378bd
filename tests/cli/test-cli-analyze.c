/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zopa-cli analyze, run as a program ($ZOPA_CLI): both forms, errors and exit codes. */

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
small_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "analysis", "data", "small.zopa.json", NULL);
}

/* Runs zopa-cli analyze with the given arguments (NULL-terminated). */
static void
run_analyze (Run *run, ...)
{
  const char *cli = g_getenv ("ZOPA_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "analyze");
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
is_int (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* An integer, or a range [low, high] of integers with low < high (an uncertain value). */
static gboolean
is_int_or_range (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *range;

  if (is_int (object, member))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  range = json_node_get_array (node);
  return json_array_get_length (range) == 2 &&
         json_array_get_int_element (range, 0) < json_array_get_int_element (range, 1);
}

/* Every member docs/file-format.md names, with its type. */
static void
check_shape (JsonObject *root)
{
  JsonArray *actors, *regions, *drafts, *sets;
  JsonObject *zopa;
  guint n_actors;
  gint64 all_inclusive = -1;

  g_assert_true (json_object_has_member (root, "scenario"));
  g_assert_true (json_object_has_member (root, "variant"));
  actors = json_object_get_array_member (root, "actors");
  n_actors = json_array_get_length (actors);
  g_assert_cmpuint (n_actors, >=, 1);
  g_assert_true (is_int (root, "deal_space"));
  g_assert_cmpint (json_object_get_int_member (root, "deal_space"), >, 0);

  regions = json_object_get_array_member (root, "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, (1u << n_actors) - 1);
  for (guint k = 0; k < json_array_get_length (regions); k++)
    {
      JsonObject *region = json_array_get_object_element (regions, k);
      guint size = json_array_get_length (json_object_get_array_member (region, "actors"));

      g_assert_cmpuint (size, >=, 1);
      g_assert_true (is_int (region, "inclusive"));
      g_assert_true (is_int (region, "exclusive"));
      g_assert_cmpint (json_object_get_int_member (region, "exclusive"), <=,
                       json_object_get_int_member (region, "inclusive"));
      g_assert_cmpint (json_object_get_int_member (region, "exclusive"), >=, 0);
      g_assert_true (json_node_get_value_type (json_object_get_member (region, "exact")) == G_TYPE_BOOLEAN);
      if (size == n_actors)
        all_inclusive = json_object_get_int_member (region, "inclusive");
    }

  drafts = json_object_get_array_member (root, "drafts");
  for (guint k = 0; k < json_array_get_length (drafts); k++)
    {
      JsonObject *draft = json_array_get_object_element (drafts, k);
      JsonObject *verdicts = json_object_get_object_member (draft, "verdicts");
      gboolean open = json_array_get_length (json_object_get_array_member (draft, "open_issues")) > 0;

      g_assert_nonnull (json_object_get_string_member (draft, "id"));
      g_assert_nonnull (json_object_get_array_member (draft, "conflicts"));
      g_assert_cmpuint (json_object_get_size (verdicts), ==, n_actors);
      for (guint a = 0; a < n_actors; a++)
        {
          JsonObject *verdict = json_object_get_object_member (verdicts, json_array_get_string_element (actors, a));
          const char *word = json_object_get_string_member (verdict, "verdict");

          g_assert_true (g_str_equal (word, "accepts") || g_str_equal (word, "rejects") || g_str_equal (word, "depends"));
          g_assert_true (is_int_or_range (verdict, "reservation"));
          g_assert_nonnull (json_object_get_array_member (verdict, "violations"));
          g_assert_cmpint (json_object_has_member (verdict, "score"), ==, !open);
          g_assert_cmpint (json_object_has_member (verdict, "best_score"), ==, open);
          g_assert_cmpint (json_object_has_member (verdict, "worst_score"), ==, open);
        }
    }

  zopa = json_object_get_object_member (root, "zopa");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zopa, "actors")), ==, n_actors);
  g_assert_true (is_int (zopa, "deals"));
  g_assert_cmpint (json_object_get_int_member (zopa, "deals"), ==, all_inclusive);
  g_assert_cmpint (json_object_get_null_member (zopa, "witness"), ==, all_inclusive == 0);

  sets = json_object_get_array_member (root, "what_must_change");
  g_assert_cmpint (json_array_get_length (sets) > 0, ==, all_inclusive == 0);
  for (guint k = 0; k < json_array_get_length (sets); k++)
    {
      JsonArray *changes = json_object_get_array_member (json_array_get_object_element (sets, k), "changes");
      g_assert_cmpuint (json_array_get_length (changes), >=, 1);
      for (guint j = 0; j < json_array_get_length (changes); j++)
        {
          JsonObject *change = json_array_get_object_element (changes, j);
          g_assert_nonnull (json_object_get_string_member (change, "actor"));
          if (json_object_has_member (change, "allow"))
            g_assert_nonnull (json_object_get_string_member (change, "issue"));
          else
            g_assert_true (is_int (change, "reservation"));
        }
    }
}

static void
test_builtin (void)
{
  g_auto(Run) human = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();

  run_analyze (&human, NULL);
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Regions"));
  g_assert_nonnull (strstr (human.out, "ZOPA"));

  run_analyze (&json, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  check_shape (parse_object (parser, json.out));
}

static void
test_file_variant_actors (void)
{
  g_autofree char *path = small_path ();
  g_auto(Run) run = { 0 };
  g_auto(Run) human = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *zopa;
  JsonArray *actors;

  run_analyze (&run, path, "--variant", "soft", "--actors", "two,one", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  check_shape (root);
  g_assert_cmpstr (json_object_get_string_member (root, "variant"), ==, "soft");
  actors = json_object_get_array_member (root, "actors");
  g_assert_cmpstr (json_array_get_string_element (actors, 0), ==, "two");
  g_assert_cmpstr (json_array_get_string_element (actors, 1), ==, "one");
  zopa = json_object_get_object_member (root, "zopa");
  g_assert_cmpint (json_object_get_int_member (zopa, "deals"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zopa, "witness"), "b"), ==, "q");

  run_analyze (&human, path, "--actors=one,two", NULL);
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Two parties, two issues"));
  g_assert_nonnull (strstr (human.out, "What must change"));
  g_assert_nonnull (strstr (human.out, "One lowers its reservation from 50 to 25"));
  g_assert_nonnull (strstr (human.out, "crosses a red line"));
}

static void
test_errors (void)
{
  g_autofree char *path = small_path ();
  struct {
    int         status;
    const char *args[5];
    const char *err;
  } cases[] = {
    { 1, { path, "--variant", "nope", NULL }, "nope" },
    { 1, { path, "--actors", "one,nobody", NULL }, "nobody" },
    { 1, { path, "--actors", "one,one", NULL }, "one" },
    { 1, { "/nonexistent/file.zopa.json", NULL }, "nonexistent" },
    { 2, { path, "--actors", "one,,two", NULL }, NULL },
    { 2, { path, "--frobnicate", NULL }, NULL },
    { 2, { path, path, NULL }, NULL },
    { 2, { path, "--variant", NULL }, NULL },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_auto(Run) run = { 0 };
      run_analyze (&run, cases[k].args[0], cases[k].args[1], cases[k].args[2], cases[k].args[3], NULL);
      g_assert_cmpint (run.status, ==, cases[k].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
      if (cases[k].err != NULL)
        g_assert_nonnull (strstr (run.err, cases[k].err));
    }
}

/* Seven actors, more than a diagram shows: all analysed, 2 × 7 + 1 regions listed. */
static void
test_seven_actors (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "warnings.zopa.json", NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *regions;
  guint sizes[8] = { 0 };

  run_analyze (&run, path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "actors")), ==, 7);
  regions = json_object_get_array_member (root, "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, 15);
  for (guint k = 0; k < json_array_get_length (regions); k++)
    {
      JsonObject *r = json_array_get_object_element (regions, k);
      sizes[json_array_get_length (json_object_get_array_member (r, "actors"))]++;
      g_assert_false (json_object_get_null_member (r, "inclusive_empty"));
      g_assert_false (json_object_get_null_member (r, "exclusive_empty"));
    }
  g_assert_cmpuint (sizes[1], ==, 7);
  g_assert_cmpuint (sizes[6], ==, 7);
  g_assert_cmpuint (sizes[7], ==, 1);
}

/* Ranges and maybe options: the members and sentences about readings. */
static void
test_readings (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "ranges.zopa.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  JsonObject *root, *zopa, *moscow, *region, *flip_change;
  JsonArray *depends_on, *hinges;

  run_analyze (&json, path, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_object (parser, json.out);

  region = json_array_get_object_element (json_object_get_array_member (root, "regions"), 0);
  g_assert_true (json_object_has_member (region, "inclusive_max"));
  g_assert_true (json_object_has_member (region, "exclusive_max"));
  g_assert_cmpint (json_object_get_int_member (region, "inclusive"), <=,
                   json_object_get_int_member (region, "inclusive_max"));

  zopa = json_object_get_object_member (root, "zopa");
  g_assert_cmpstr (json_object_get_string_member (zopa, "empty"), ==, "always");
  g_assert_cmpint (json_object_get_int_member (zopa, "deals_max"), ==, 0);

  /* Moscow on the US plan: the reservation 60–85 and the maybe option decide. */
  moscow = json_object_get_object_member (
    json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (root, "drafts"), 0),
                                   "verdicts"), "moscow");
  g_assert_cmpstr (json_object_get_string_member (moscow, "verdict"), ==, "depends");
  depends_on = json_object_get_array_member (moscow, "depends_on");
  g_assert_cmpuint (json_array_get_length (depends_on), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (depends_on, 0), ==, "assumptions");
  hinges = json_object_get_array_member (moscow, "hinges_on");
  g_assert_cmpuint (json_array_get_length (hinges), ==, 3);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (hinges, 0),
                                                                      "reservation")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hinges, 2), "field"), ==, "maybe");
  flip_change = json_array_get_object_element (
    json_object_get_array_member (json_object_get_object_member (moscow, "flip"), "changes"), 1);
  g_assert_cmpint (json_object_get_int_member (flip_change, "reservation"), ==, 50);
  g_assert_true (json_object_has_member (root, "robustness"));

  run_analyze (&text, path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Whether Moscow accepts “US 28-point plan” depends on the assumptions; "
                                      "it would accept if it allowed “Capped at 600,000” on "));
  g_assert_nonnull (strstr (text.out, "and its reservation were at most 50."));
  g_assert_nonnull (strstr (text.out, "The ZOPA is empty in every reading."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/analyze/builtin", test_builtin);
  g_test_add_func ("/cli/analyze/file-variant-actors", test_file_variant_actors);
  g_test_add_func ("/cli/analyze/errors", test_errors);
  g_test_add_func ("/cli/analyze/readings", test_readings);
  g_test_add_func ("/cli/analyze/seven-actors", test_seven_actors);
  return g_test_run ();
}
