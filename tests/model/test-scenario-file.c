/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the scenario file format: load, validation messages, limits, round trip, save. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/zopa-scenario-file.h"

static char *
data_path (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The file names of a folder of test data, sorted. */
static GPtrArray *
list_files (const char *folder)
{
  g_autofree char *dir_path = data_path (folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".zopa.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static char *
read_data (const char *folder,
           const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (folder, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* A problem as zopa-cli validate prints it. */
static char *
format_problem (const char            *name,
                const ZopaFileProblem *problem)
{
  const char *kind = problem->is_warning ? "warning" : "error";

  if (problem->line > 0)
    return g_strdup_printf ("%s:%d:%d: %s: %s", name, problem->line, problem->column, kind, problem->message);
  if (problem->path != NULL && problem->path[0] != '\0')
    return g_strdup_printf ("%s: %s: %s: %s", name, kind, problem->path, problem->message);
  return g_strdup_printf ("%s: %s: %s", name, kind, problem->message);
}

static char *
format_problems (const char *name,
                 GPtrArray  *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = format_problem (name, g_ptr_array_index (problems, i));
      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

/* expected.txt: file name → the lines printed for it. */
static GHashTable *
read_expected (void)
{
  g_autofree char *contents = read_data ("invalid", "expected.txt", NULL);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon;
      g_autofree char *name = NULL;
      GString *text;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      colon = strchr (lines[i], ':');
      g_assert_nonnull (colon);
      name = g_strndup (lines[i], colon - lines[i]);
      text = g_hash_table_lookup (expected, name);
      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (expected, g_strdup (name), text);
        }
      g_string_append_printf (text, "%s\n", lines[i]);
    }

  return expected;
}

static ZopaScenario *
load_data_file (const char  *folder,
                const char  *name,
                GPtrArray  **problems,
                GError     **error)
{
  g_autofree char *path = data_path (folder, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return zopa_scenario_load_from_file (file, problems, error);
}

static void
test_valid_files (void)
{
  g_autoptr(GPtrArray) names = list_files ("valid");

  g_assert_cmpuint (names->len, >=, 5);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ZopaScenario) scenario = NULL;
      g_autofree char *original = NULL;
      g_autofree char *saved = NULL;
      gsize original_length, saved_length;

      g_test_message ("%s", name);
      scenario = load_data_file ("valid", name, &problems, &error);
      g_assert_no_error (error);
      g_assert_nonnull (scenario);
      g_assert_nonnull (problems);
      for (guint k = 0; k < problems->len; k++)
        g_assert_true (((ZopaFileProblem *) g_ptr_array_index (problems, k))->is_warning);
      if (!g_str_equal (name, "warnings.zopa.json"))
        g_assert_cmpuint (problems->len, ==, 0);

      original = read_data ("valid", name, &original_length);
      saved = zopa_scenario_to_data (scenario, &saved_length);
      g_assert_cmpuint (saved_length, ==, strlen (saved));

      if (g_str_has_prefix (name, "hand-"))
        {
          /* Not written by Zopa: the first save normalizes, the second changes nothing. */
          g_autoptr(ZopaScenario) again = zopa_scenario_load_from_data (saved, saved_length, NULL, &error);
          g_autofree char *saved_again = NULL;

          g_assert_no_error (error);
          saved_again = zopa_scenario_to_data (again, NULL);
          g_assert_cmpstr (saved_again, !=, original);
          g_assert_cmpstr (saved_again, ==, saved);
        }
      else
        {
          /* Written by Zopa: the same bytes. */
          g_assert_cmpuint (saved_length, ==, original_length);
          g_assert_cmpstr (saved, ==, original);
        }

      g_assert_finalize_object (g_steal_pointer (&scenario));
    }
}

static void
test_invalid_files (void)
{
  g_autoptr(GPtrArray) names = list_files ("invalid");
  g_autoptr(GHashTable) expected = read_expected ();

  g_assert_cmpuint (names->len, >=, 50);
  g_assert_cmpuint (g_hash_table_size (expected), ==, names->len);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GString *expected_text = g_hash_table_lookup (expected, name);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ZopaScenario) scenario = NULL;
      g_autofree char *text = NULL;
      g_autofree char *first_error = NULL;

      g_test_message ("%s", name);
      g_assert_nonnull (expected_text);

      scenario = load_data_file ("invalid", name, &problems, &error);
      g_assert_null (scenario);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ZOPA_FILE_ERROR);
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, >, 0);

      text = format_problems (name, problems);
      g_assert_cmpstr (text, ==, expected_text->str);

      /* The GError is the first error, placed the same way. */
      for (guint k = 0; k < problems->len && first_error == NULL; k++)
        {
          ZopaFileProblem *problem = g_ptr_array_index (problems, k);

          if (!problem->is_warning)
            {
              first_error = zopa_file_problem_to_string (problem);
              g_assert_cmpint (error->code, ==, problem->code);
            }
        }
      g_assert_cmpstr (error->message, ==, first_error);
    }
}

/* Each kind of check is in the data; these check the codes the callers rely on. */
static void
test_error_codes (void)
{
  static const struct {
    const char    *name;
    ZopaFileError  code;
  } cases[] = {
    { "malformed-missing-comma.zopa.json", ZOPA_FILE_ERROR_SYNTAX },
    { "empty.zopa.json", ZOPA_FILE_ERROR_SYNTAX },
    { "not-utf8.zopa.json", ZOPA_FILE_ERROR_ENCODING },
    { "nesting-too-deep.zopa.json", ZOPA_FILE_ERROR_TOO_DEEP },
    { "newer-version.zopa.json", ZOPA_FILE_ERROR_VERSION },
    { "bad-colour.zopa.json", ZOPA_FILE_ERROR_INVALID },
    { "duplicate-member.zopa.json", ZOPA_FILE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZopaScenario) scenario = load_data_file ("invalid", cases[i].name, NULL, &error);

      g_assert_null (scenario);
      g_assert_error (error, ZOPA_FILE_ERROR, (int) cases[i].code);
    }
}

static void
test_malformed_positions (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\n  \"format\": \"zopa\",\n  \"version\": 1 \"title\": \"x\"\n}", "3:16: expected ',' or '}', found a string" },
    { "[1, 2", "1:6: expected ',' or ']', found the end of the file" },
    { "{\"a\": [1 2]}", "1:10: expected ',' or ']', found a number" },
    { "{\"é\": \"x\", \"b\": y}", "1:17: expected a value, found 'y'" },
    { "{\"a\": -}", "1:8: expected a digit after '-', found '}'" },
    { "{\"a\": 1.}", "1:9: expected a digit after the decimal point, found '}'" },
    { "{\"a\": .5}", "1:7: expected a value, found '.'" },
    { "{\"a\": \"x\\q\"}", "1:9: invalid escape '\\q' in a string" },
    { "\"x", "1:1: unterminated string" },
    { "{} {}", "1:4: expected the end of the file after the JSON value, found '{'" },
    { "{\"a\": \x01}", "1:7: expected a value, found U+0001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZopaScenario) scenario =
        zopa_scenario_load_from_data (cases[i].text, strlen (cases[i].text), NULL, &error);

      g_assert_null (scenario);
      g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_unknown_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = load_data_file ("valid", "unknown-members.zopa.json", NULL, &error);
  g_autoptr(ZopaActor) moscow = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *extra;
  ZopaStance *stance;

  g_assert_no_error (error);

  extra = zopa_scenario_get_extra (scenario);
  g_assert_nonnull (extra);
  names = json_object_get_members (extra);
  g_assert_cmpuint (g_list_length (names), ==, 3);
  g_assert_cmpstr (g_list_nth_data (names, 0), ==, "generator");
  g_assert_cmpstr (g_list_nth_data (names, 1), ==, "empty-object");
  g_assert_cmpstr (g_list_nth_data (names, 2), ==, "empty-array");
  g_assert_false (json_object_has_member (extra, "title"));

  moscow = g_list_model_get_item (zopa_scenario_get_actors (scenario), 0);
  g_assert_true (json_object_has_member (zopa_actor_get_extra (moscow), "icon"));
  stance = zopa_actor_find_stance (moscow, "army-cap");
  g_assert_nonnull (stance);
  g_assert_cmpfloat (json_object_get_double_member (zopa_stance_get_extra (stance), "confidence"), ==, 0.75);

  /* Known objects have no extra when the file has none. */
  g_assert_null (zopa_source_get_extra (zopa_scenario_find_source (scenario, "putin-2024-06-14")));
}

/* Ranges and maybe options read into the model, keep their form, and a point value set
 * through the old setters makes a value one number again. */
static void
test_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = load_data_file ("valid", "ranges.zopa.json", NULL, &error);
  g_autoptr(ZopaVariantChange) change = NULL;
  g_autofree char *saved = NULL;
  ZopaActor *moscow, *kyiv;
  ZopaStance *stance;
  ZopaRange range;

  g_assert_no_error (error);
  moscow = zopa_scenario_find_actor (scenario, "moscow");
  range = zopa_actor_get_reservation_range (moscow);
  g_assert_cmpint (range.low, ==, 60);
  g_assert_cmpint (range.high, ==, 85);
  g_assert_true (range.ranged);
  g_assert_cmpint (zopa_actor_get_reservation (moscow), ==, 60);

  stance = zopa_actor_find_stance (moscow, "army-cap");
  range = zopa_stance_get_weight_range (stance);
  g_assert_cmpint (range.low, ==, 3);
  g_assert_cmpint (range.high, ==, 5);
  g_assert_cmpint (zopa_stance_get_weight (stance), ==, 3);
  range = zopa_stance_get_utility_range (stance, "cap-600k");
  g_assert_cmpint (range.low, ==, 50);
  g_assert_cmpint (range.high, ==, 70);
  g_assert_true (range.ranged);
  range = zopa_stance_get_utility_range (stance, "no-cap");
  g_assert_cmpint (range.low, ==, 0);
  g_assert_cmpint (range.high, ==, 0);
  g_assert_false (range.ranged);
  g_assert_true (zopa_stance_is_maybe (stance, "cap-600k"));
  g_assert_false (zopa_stance_is_maybe (stance, "demilitarised"));
  /* A maybe option is not surely acceptable. */
  g_assert_false (zopa_stance_accepts_option (stance, "cap-600k"));
  g_assert_true (zopa_stance_accepts_option (stance, "demilitarised"));

  /* [100, 100] stays a range in the file, though it holds one value. */
  kyiv = zopa_scenario_find_actor (scenario, "kyiv");
  range = zopa_actor_get_reservation_range (kyiv);
  g_assert_true (range.ranged);
  g_assert_false (zopa_range_is_uncertain (range));
  g_assert_true (zopa_stance_is_maybe (zopa_actor_find_stance (kyiv, "nato"), "open"));
  g_assert_false (zopa_stance_accepts_option (zopa_actor_find_stance (kyiv, "nato"), "open"));

  change = g_list_model_get_item (zopa_variant_get_changes (zopa_scenario_find_variant (scenario, "post-putin")), 1);
  range = zopa_variant_change_get_weight_range (change);
  g_assert_cmpint (range.low, ==, 1);
  g_assert_cmpint (range.high, ==, 2);
  g_assert_cmpstr (zopa_variant_change_get_maybe (change)[0], ==, "cap-800k");
  range = zopa_variant_change_get_utility_range (change, "cap-800k");
  g_assert_cmpint (range.low, ==, 40);
  g_assert_cmpint (range.high, ==, 60);

  zopa_actor_set_reservation (moscow, 70);
  zopa_stance_set_weight (stance, 4);
  zopa_stance_set_utility (stance, "cap-600k", 55);
  g_assert_false (zopa_actor_get_reservation_range (moscow).ranged);
  g_assert_cmpint (zopa_actor_get_reservation_range (moscow).high, ==, 70);
  g_assert_cmpint (zopa_stance_get_weight_range (stance).high, ==, 4);
  g_assert_false (zopa_stance_get_utility_range (stance, "cap-600k").ranged);
  saved = zopa_scenario_to_data (scenario, NULL);
  g_assert_nonnull (strstr (saved, "\"reservation\": 70,"));
  g_assert_nonnull (strstr (saved, "\"weight\": 4,"));
  g_assert_nonnull (strstr (saved, "\"cap-600k\": 55,"));
  g_assert_nonnull (strstr (saved, "\"reservation\": [100, 100],"));
}

static void
test_defaults (void)
{
  static const char text[] =
    "{\"format\": \"zopa\", \"version\": 1, \"title\": \"Defaults\","
    " \"issues\": [{\"id\": \"i\", \"title\": \"I\", \"options\": [{\"id\": \"a\", \"label\": \"A\"}]}],"
    " \"actors\": [{\"id\": \"x\", \"name\": \"X\", \"color\": \"#000000\", \"stances\": {\"i\": {}}}],"
    " \"drafts\": [{\"id\": \"d\", \"title\": \"D\", \"clauses\": [{\"id\": \"c\", \"number\": \"1\", \"status\": \"bracketed\"}]}],"
    " \"variants\": [{\"id\": \"v\", \"title\": \"V\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_data (text, strlen (text), NULL, &error);
  ZopaActor *actor;
  ZopaStance *stance;
  ZopaDraft *draft;
  ZopaClause *clause;
  ZopaVariant *variant;
  const char *description;

  g_assert_no_error (error);
  description = zopa_scenario_get_description (scenario);
  g_assert_true (description == NULL || description[0] == '\0');
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_sources (scenario)), ==, 0);
  g_assert_null (zopa_scenario_get_extra (scenario));

  actor = zopa_scenario_find_actor (scenario, "x");
  g_assert_cmpint (zopa_actor_get_reservation (actor), ==, 0);
  g_assert_true (zopa_actor_get_sources (actor) == NULL || zopa_actor_get_sources (actor)[0] == NULL);
  stance = zopa_actor_find_stance (actor, "i");
  g_assert_cmpint (zopa_stance_get_weight (stance), ==, 1);
  g_assert_null (zopa_stance_get_acceptable (stance));
  g_assert_true (zopa_stance_accepts_option (stance, "a"));
  g_assert_cmpint (zopa_stance_get_utility (stance, "a"), ==, ZOPA_UTILITY_DEFAULT);
  g_assert_false (zopa_stance_has_utility (stance, "a"));

  draft = zopa_scenario_find_draft (scenario, "d");
  g_assert_null (zopa_draft_get_derived_from (draft));
  clause = zopa_draft_find_clause (draft, "c");
  g_assert_cmpint (zopa_clause_get_status (clause), ==, ZOPA_CLAUSE_BRACKETED);
  g_assert_true (zopa_clause_get_set_issues (clause) == NULL || zopa_clause_get_set_issues (clause)[0] == NULL);

  variant = zopa_scenario_find_variant (scenario, "v");
  g_assert_cmpuint (g_list_model_get_n_items (zopa_variant_get_changes (variant)), ==, 0);

  /* Defaults stay defaults: none of them is written out. */
  {
    g_autofree char *saved = zopa_scenario_to_data (scenario, NULL);

    g_assert_null (strstr (saved, "reservation"));
    g_assert_null (strstr (saved, "weight"));
    g_assert_null (strstr (saved, "derived_from"));
    g_assert_null (strstr (saved, "description"));
    g_assert_nonnull (strstr (saved, "\"i\": {}"));
    g_assert_true (g_str_has_suffix (saved, "}\n"));
  }
}

static void
test_empty_acceptable_is_kept (void)
{
  static const char text[] =
    "{\"format\": \"zopa\", \"version\": 1, \"title\": \"T\","
    " \"issues\": [{\"id\": \"i\", \"title\": \"I\", \"options\": [{\"id\": \"a\", \"label\": \"A\"}]}],"
    " \"actors\": [{\"id\": \"x\", \"name\": \"X\", \"color\": \"#000000\", \"stances\": {\"i\": {\"acceptable\": []}}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ZopaScenario) scenario = zopa_scenario_load_from_data (text, strlen (text), &problems, &error);
  g_autofree char *saved = NULL;
  ZopaStance *stance;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  stance = zopa_actor_find_stance (zopa_scenario_find_actor (scenario, "x"), "i");
  g_assert_nonnull (zopa_stance_get_acceptable (stance));
  g_assert_false (zopa_stance_accepts_option (stance, "a"));
  saved = zopa_scenario_to_data (scenario, NULL);
  g_assert_nonnull (strstr (saved, "\"acceptable\": []"));
}

static void
test_warnings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ZopaScenario) scenario = load_data_file ("valid", "warnings.zopa.json", &problems, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  text = format_problems ("warnings.zopa.json", problems);
  g_assert_cmpstr (text, ==,
    "warnings.zopa.json: warning: actors[0].stances.army-cap.acceptable: no option of issue \"army-cap\" is acceptable, so the actor accepts no deal\n"
    "warnings.zopa.json: warning: actors[1].stances.army-cap.acceptable[1]: \"no-cap\" is listed twice\n"
    "warnings.zopa.json: warning: actors: 7 actors, but a diagram shows at most 6 of them at a time\n"
    "warnings.zopa.json: warning: drafts[0].clauses[2].sets.army-cap: conflicts with drafts[0].clauses[0], which sets issue \"army-cap\" to \"no-cap\"; the issue counts as open\n");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("zopa-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.zopa.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autofree char *big = NULL;
  gsize size = 33 * 1024 * 1024;
  FILE *stream;

  /* 33 MiB; sparse, since it must be refused before it is read. */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), size), ==, 0);
  fclose (stream);

  scenario = zopa_scenario_load_from_file (file, &problems, &error);
  g_assert_null (scenario);
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is too large (33.0\u00a0MiB); the limit is 32 MiB");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_error (&error);

  /* In memory: refused before it is scanned. */
  big = g_malloc (ZOPA_FILE_MAX_SIZE + 1);
  memset (big, ' ', ZOPA_FILE_MAX_SIZE + 1);
  g_assert_null (zopa_scenario_load_from_data (big, ZOPA_FILE_MAX_SIZE + 1, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_TOO_LARGE);

  remove_tree (dir);
}

#define DEEP_PREFIX "{\"format\": \"zopa\", \"version\": 1, \"title\": \"Deep\", \"deep\": "

static char *
nested (int depth)
{
  GString *text = g_string_new (DEEP_PREFIX);

  /* The top-level object is the first level; arrays make the others. */
  for (int i = 1; i < depth; i++)
    g_string_append_c (text, '[');
  for (int i = 1; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");
  return g_string_free (text, FALSE);
}

static void
test_too_deep (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "deep.zopa.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *deep = nested (ZOPA_FILE_MAX_DEPTH + 1);
  g_autofree char *deepest_allowed = nested (ZOPA_FILE_MAX_DEPTH);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  scenario = zopa_scenario_load_from_file (file, NULL, &error);
  g_assert_null (scenario);
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_TOO_DEEP);
  /* The 65th opening bracket: after the prefix, which holds the first, and 63 more. */
  expected = g_strdup_printf ("1:%d: arrays and objects are nested more than 64 deep",
                              (int) strlen (DEEP_PREFIX) + 64);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* 64 levels load, are kept as an unknown member, and written back. */
  scenario = zopa_scenario_load_from_data (deepest_allowed, strlen (deepest_allowed), NULL, &error);
  g_assert_no_error (error);
  saved = zopa_scenario_to_data (scenario, NULL);
  g_clear_object (&scenario);
  scenario = zopa_scenario_load_from_data (saved, strlen (saved), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_object_get_member (zopa_scenario_get_extra (scenario), "deep"));

  remove_tree (dir);
}

static void
test_directory_and_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing_path = g_build_filename (dir, "missing.zopa.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_null (zopa_scenario_load_from_file (folder, &problems, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "this is a folder, not a file");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_null (zopa_scenario_load_from_file (missing, &problems, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "the file does not exist");
  g_assert_cmpuint (problems->len, ==, 1);

  remove_tree (dir);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.zopa.json", NULL);
  g_autofree char *blocker = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "x.zopa.json", NULL);
  g_autofree char *under_missing = g_build_filename (dir, "no-such-folder", "x.zopa.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file_under_file = g_file_new_for_path (under_file);
  g_autoptr(GFile) file_under_missing = g_file_new_for_path (under_missing);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = load_data_file ("valid", "full.zopa.json", NULL, &error);
  g_autofree char *expected = read_data ("valid", "full.zopa.json", NULL);
  GStatBuf st;

  g_assert_no_error (error);

  /* A new file, then a replacement that keeps the file's permissions. */
  g_assert_true (zopa_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (path, expected);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  zopa_scenario_set_title (scenario, "Changed");
  g_assert_true (zopa_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  {
    g_autoptr(ZopaScenario) reloaded = zopa_scenario_load_from_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (zopa_scenario_get_title (reloaded), ==, "Changed");
  }
  /* No temporary file is left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Saves that cannot be done fail with a message and leave the old file as it was. */
  g_assert_true (g_file_set_contents (blocker, "old contents\n", -1, NULL));
  g_assert_false (zopa_scenario_save_to_file (scenario, file_under_file, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "cannot save “"));
  g_clear_error (&error);
  assert_file_contents (blocker, "old contents\n");

  g_assert_false (zopa_scenario_save_to_file (scenario, file_under_missing, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  /* A folder in the way of the file. */
  {
    g_autofree char *folder_path = g_build_filename (dir, "folder.zopa.json", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

    g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
    g_assert_false (zopa_scenario_save_to_file (scenario, folder, NULL, &error));
    g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
    g_clear_error (&error);
    g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  }
  g_assert_cmpuint (count_entries (dir), ==, 3);

  remove_tree (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not stop root; the other save failures are tested");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "old.zopa.json", NULL);
  file = g_file_new_for_path (path);
  scenario = load_data_file ("valid", "minimal.zopa.json", NULL, &error);
  g_assert_no_error (error);

  /* The file itself stays writable: only the folder is read-only. */
  g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (zopa_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_error (error, ZOPA_FILE_ERROR, ZOPA_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  assert_file_contents (path, "old contents\n");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  remove_tree (dir);
}

static void
test_builtin (void)
{
  g_autoptr(GBytes) bytes = zopa_scenario_get_builtin_data ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZopaScenario) scenario = NULL;
  g_autoptr(ZopaScenario) builtin = zopa_scenario_load_builtin ();

  g_assert_nonnull (builtin);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_issues (builtin)), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_actors (builtin)), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (zopa_scenario_get_drafts (builtin)), >=, 2);

  scenario = zopa_scenario_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (((ZopaFileProblem *) g_ptr_array_index (problems, i))->is_warning);

  g_assert_finalize_object (g_steal_pointer (&builtin));
}

static void
test_validate_in_memory (void)
{
  g_autoptr(ZopaScenario) scenario = zopa_scenario_new ();
  g_autoptr(ZopaIssue) issue = zopa_issue_new ("army-cap");
  g_autoptr(ZopaOption) option = zopa_option_new ("no-cap", "No limit");
  g_autoptr(ZopaActor) first = zopa_actor_new ("kyiv");
  g_autoptr(ZopaActor) second = zopa_actor_new ("kyiv");
  g_autoptr(ZopaStance) stance = zopa_stance_new ("army-cap");
  g_autoptr(ZopaDraft) draft = zopa_draft_new ("d");
  g_autoptr(ZopaClause) clause = zopa_clause_new ("d/1");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  const char *acceptable[] = { "cap-600k", NULL };

  zopa_scenario_set_title (scenario, "In memory");
  zopa_issue_set_title (issue, "Army");
  zopa_issue_insert_option (issue, 0, option);
  zopa_scenario_insert_issue (scenario, 0, issue);

  zopa_actor_set_name (first, "Kyiv");
  zopa_actor_set_color (first, "#e5a50a");
  zopa_stance_set_acceptable (stance, acceptable);
  zopa_actor_insert_stance (first, 0, stance);
  zopa_scenario_insert_actor (scenario, 0, first);
  zopa_actor_set_name (second, "Kyiv again");
  zopa_actor_set_color (second, "yellow");
  zopa_scenario_insert_actor (scenario, 1, second);

  zopa_draft_set_title (draft, "Draft");
  zopa_clause_set_number (clause, "1");
  zopa_clause_set_option (clause, "territory", "frozen");
  zopa_draft_insert_clause (draft, 0, clause);
  zopa_scenario_insert_draft (scenario, 0, draft);

  problems = zopa_scenario_validate (scenario);
  text = format_problems ("memory", problems);
  g_assert_cmpstr (text, ==,
    "memory: error: actors[0].stances.army-cap.acceptable[0]: unknown option \"cap-600k\" of issue \"army-cap\"\n"
    "memory: error: actors[1].id: duplicate id \"kyiv\" (first used at actors[0].id)\n"
    "memory: error: actors[1].color: expected a colour like \"#1c71d8\", got \"yellow\"\n"
    "memory: error: drafts[0].clauses[0].sets.territory: unknown issue \"territory\"\n");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A loaded file that is valid has no problems in memory either. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZopaScenario) full = load_data_file ("valid", "full.zopa.json", NULL, &error);

    g_assert_no_error (error);
    problems = zopa_scenario_validate (full);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_problem_to_string (void)
{
  ZopaFileProblem syntax = { ZOPA_FILE_ERROR_SYNTAX, FALSE, 3, 14, NULL, (char *) "expected ',' or '}', found a string" };
  ZopaFileProblem content = { ZOPA_FILE_ERROR_INVALID, FALSE, 0, 0, (char *) "issues[0].options[3].id", (char *) "expected a non-empty id" };
  ZopaFileProblem top = { ZOPA_FILE_ERROR_INVALID, FALSE, 0, 0, (char *) "", (char *) "missing required member \"title\"" };
  ZopaFileProblem whole = { ZOPA_FILE_ERROR_IO, FALSE, 0, 0, NULL, (char *) "the file does not exist" };
  g_autofree char *a = zopa_file_problem_to_string (&syntax);
  g_autofree char *b = zopa_file_problem_to_string (&content);
  g_autofree char *c = zopa_file_problem_to_string (&top);
  g_autofree char *d = zopa_file_problem_to_string (&whole);

  g_assert_cmpstr (a, ==, "3:14: expected ',' or '}', found a string");
  g_assert_cmpstr (b, ==, "issues[0].options[3].id: expected a non-empty id");
  g_assert_cmpstr (c, ==, "missing required member \"title\"");
  g_assert_cmpstr (d, ==, "the file does not exist");
}

static void
test_odd_member_names (void)
{
  static const char text[] =
    "{\"format\": \"zopa\", \"version\": 1, \"title\": \"T\","
    " \"issues\": [{\"id\": \"i\", \"title\": \"I\", \"options\": [{\"id\": \"a\", \"label\": \"A\"}]}],"
    " \"actors\": [{\"id\": \"x\", \"name\": \"X\", \"color\": \"#000000\", \"stances\": {\"two words\": {}, \"a.b\": {}}}]}";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;

  g_assert_null (zopa_scenario_load_from_data (text, strlen (text), &problems, &error));
  lines = format_problems ("f", problems);
  g_assert_cmpstr (lines, ==,
    "f: error: actors[0].stances[\"two words\"]: unknown issue \"two words\"\n"
    "f: error: actors[0].stances[\"a.b\"]: unknown issue \"a.b\"\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario-file/valid-files", test_valid_files);
  g_test_add_func ("/scenario-file/invalid-files", test_invalid_files);
  g_test_add_func ("/scenario-file/error-codes", test_error_codes);
  g_test_add_func ("/scenario-file/malformed-positions", test_malformed_positions);
  g_test_add_func ("/scenario-file/unknown-members", test_unknown_members);
  g_test_add_func ("/scenario-file/defaults", test_defaults);
  g_test_add_func ("/scenario-file/ranges", test_ranges);
  g_test_add_func ("/scenario-file/empty-acceptable", test_empty_acceptable_is_kept);
  g_test_add_func ("/scenario-file/warnings", test_warnings);
  g_test_add_func ("/scenario-file/odd-member-names", test_odd_member_names);
  g_test_add_func ("/scenario-file/limits/too-large", test_too_large);
  g_test_add_func ("/scenario-file/limits/too-deep", test_too_deep);
  g_test_add_func ("/scenario-file/io/directory-and-missing", test_directory_and_missing);
  g_test_add_func ("/scenario-file/save/atomic", test_save);
  g_test_add_func ("/scenario-file/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/scenario-file/builtin", test_builtin);
  g_test_add_func ("/scenario-file/validate-in-memory", test_validate_in_memory);
  g_test_add_func ("/scenario-file/problem-to-string", test_problem_to_string);

  return g_test_run ();
}
