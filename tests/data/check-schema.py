#!/usr/bin/env python3
"""Checks data/zopa.schema.json with a real JSON Schema validator (TAP output).

- the schema itself is a valid draft 2020-12 schema;
- every file in tests/data/valid, every file in tests/data/schema (files with assumption
  ranges and `maybe`, which zopa-cli reads once the analysis of readings is in), the built-in
  scenario and every JSON example of docs/file-format.md that is a whole scenario agree with it;
- ranges out of bounds or of the wrong length are refused;
- every file of tests/data/invalid whose problem a schema can express is refused by it (zopa-cli
  refuses every one of them: tests/data/invalid/expected.txt), and the others are well-formed
  JSON the schema lets through or malformed JSON, as listed below.

Usage: check-schema.py SOURCE_ROOT
"""

import json
import os
import re
import sys

import jsonschema

# Problems a schema cannot express: references, unique ids, cycles, and the strictness of Zopa's
# JSON reader (duplicate members, lone surrogates, NUL escapes, numbers beyond a double), which
# Python's reader lets through.
NOT_EXPRESSIBLE = {
    "duplicate-member",
    "malformed-lone-surrogate",
    "malformed-nul-escape",
    "non-finite-unknown-member",
    "clause-derived-from-without-parent",
    "dangling-acceptable-option",
    "dangling-actor-source",
    "dangling-change-actor",
    "dangling-change-issue",
    "dangling-change-option",
    "dangling-change-utility-option",
    "dangling-clause-derived-from",
    "dangling-clause-issue",
    "dangling-clause-option",
    "storyboard-dangling-actor",
    "storyboard-dangling-selected",
    "storyboard-dangling-variant",
    "dangling-clause-source",
    "dangling-draft-derived-from",
    "dangling-stance-issue",
    "dangling-utility-option",
    "draft-derived-from-cycle",
    "draft-derived-from-itself",
    "duplicate-actor-id",
    "duplicate-clause-id",
    "duplicate-draft-id",
    "duplicate-draft-number",
    "duplicate-issue-id",
    "duplicate-option-id",
    "duplicate-source-id",
    "duplicate-variant-id",
    "nesting-too-deep",
    # the assumption-range files (they relate values and lists, which a schema cannot)
    "maybe-also-acceptable",
    "maybe-unknown-option",
    "range-reversed-reservation",
}


def load_json(path):
    """The parsed file, or None when Python's JSON reader (laxer than Zopa's) refuses it."""
    try:
        # Zopa, like most JSON readers, skips a UTF-8 byte order mark.
        with open(path, encoding="utf-8-sig") as stream:
            text = stream.read()
    except (UnicodeDecodeError, ValueError):
        return None
    if "\0" in text:
        return None

    def refuse_constant(name):
        raise ValueError(name)

    try:
        return json.loads(text, parse_constant=refuse_constant)
    except ValueError:
        return None


def doc_examples(path):
    """The JSON blocks of the format page that are whole scenarios."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    for block in re.findall(r"```json\n(.*?)```", text, re.S):
        document = json.loads(block)
        if isinstance(document, dict) and document.get("format") == "zopa":
            yield document


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "data", "zopa.schema.json"), encoding="utf-8") as stream:
        schema = json.load(stream)

    results = []

    def check(ok, description, detail=""):
        results.append((ok, description, detail))

    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        check(True, "the schema is a valid draft 2020-12 schema")
    except jsonschema.SchemaError as error:
        check(False, "the schema is a valid draft 2020-12 schema", error.message)
    validator = jsonschema.Draft202012Validator(schema)

    def first_error(document):
        error = next(iter(sorted(validator.iter_errors(document), key=lambda e: list(e.path))), None)
        if error is None:
            return None
        return "/".join(str(p) for p in error.absolute_path) + ": " + error.message

    accepted = []
    for folder in ("valid", "schema"):
        directory = os.path.join(root, "tests", "data", folder)
        for name in sorted(os.listdir(directory)):
            if name.endswith(".zopa.json"):
                accepted.append((os.path.join(directory, name), "tests/data/%s/%s" % (folder, name)))
    accepted.append((os.path.join(root, "resources", "scenario", "builtin.zopa.json"),
                     "the built-in scenario"))
    for path, label in accepted:
        document = load_json(path)
        if document is None:
            check(False, "%s agrees with the schema" % label, "not readable as JSON")
            continue
        problem = first_error(document)
        check(problem is None, "%s agrees with the schema" % label, problem or "")

    for number, document in enumerate(doc_examples(os.path.join(root, "docs", "file-format.md")), 1):
        problem = first_error(document)
        check(problem is None, "example %d of docs/file-format.md agrees with the schema" % number,
              problem or "")

    # Ranges the schema must refuse; a reversed range ([60, 45]) only zopa-cli can tell.
    ranges = load_json(os.path.join(root, "tests", "data", "schema", "ranges.zopa.json"))
    bad_ranges = [
        ("a reservation range out of bounds", ("actors", 0, "reservation"), [90, 120]),
        ("a range of one integer", ("actors", 0, "reservation"), [60]),
        ("a range of three integers", ("actors", 0, "reservation"), [40, 50, 60]),
        ("a range of strings", ("actors", 0, "reservation"), ["40", "60"]),
        ("a weight range above 10", ("actors", 0, "stances", "term", "weight"), [2, 11]),
        ("a utility range below 0", ("actors", 1, "stances", "rent", "utility", "low"), [-5, 10]),
        ("a range in a change out of bounds", ("variants", 0, "changes", 0, "reservation"), [30, 101]),
    ]
    for description, path, value in bad_ranges:
        document = json.loads(json.dumps(ranges))
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        check(first_error(document) is not None, "the schema refuses %s" % description)

    invalid_dir = os.path.join(root, "tests", "data", "invalid")
    n_refused = 0
    for name in sorted(os.listdir(invalid_dir)):
        if not name.endswith(".zopa.json"):
            continue
        stem = name[: -len(".zopa.json")]
        document = load_json(os.path.join(invalid_dir, name))
        if document is None:
            continue
        problem = first_error(document)
        if stem in NOT_EXPRESSIBLE:
            check(problem is None,
                  "invalid/%s: only zopa-cli can tell, the schema lets it through" % name,
                  problem or "")
        else:
            n_refused += problem is not None
            check(problem is not None, "invalid/%s is refused by the schema" % name, problem or "")
    check(n_refused >= 40, "the schema refuses at least 40 of the invalid files (%d)" % n_refused)

    print("1..%d" % len(results))
    for number, (ok, description, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", number, description))
        if detail:
            print("# " + detail.replace("\n", "\n# "))
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
