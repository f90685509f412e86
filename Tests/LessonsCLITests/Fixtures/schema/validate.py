"""Validates a site's front matter and site.yaml against the schemas `lessons schema` wrote, with Python's jsonschema.

Usage: validate.py SCHEMA_DIR SITE_DIR BROKEN_DIR
Every document under SITE_DIR/content and SITE_DIR/site.yaml must validate; every file under BROKEN_DIR
(BROKEN_DIR/<type folder>/*.md, BROKEN_DIR/site/*.yaml) must not. Prints one JSON line per file and exits 1 on any surprise.
"""
import json
import pathlib
import sys

import jsonschema
import yaml


class EditorLoader(yaml.SafeLoader):
    """YAML as editors' tools read it (YAML 1.2 style): dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].strip() == "---", path
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return yaml.load("\n".join(lines[1:end]), Loader=EditorLoader)


def validator(schema_dir, name):
    schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def main():
    schema_dir, site_dir, broken_dir = (pathlib.Path(p) for p in sys.argv[1:4])
    surprises = 0

    def report(path, data, schema_name, should_pass):
        nonlocal surprises
        errors = sorted(validator(schema_dir, schema_name).iter_errors(data), key=lambda e: list(e.path))
        ok = not errors
        if ok != should_pass:
            surprises += 1
        print(json.dumps({"file": str(path), "schema": schema_name, "valid": ok, "expected": should_pass,
                          "errors": [e.message for e in errors][:3]}))

    for path in sorted((site_dir / "content").rglob("*.md")):
        parts = path.relative_to(site_dir / "content").parts
        if any(p.startswith((".", "_")) for p in parts):
            continue
        report(path.relative_to(site_dir), front_matter(path), parts[0], True)
    report("site.yaml", yaml.load((site_dir / "site.yaml").read_text(encoding="utf-8"), Loader=EditorLoader), "site", True)

    for path in sorted(broken_dir.rglob("*")):
        if path.suffix == ".md":
            report(path.relative_to(broken_dir), front_matter(path), path.parent.name, False)
        elif path.suffix == ".yaml":
            report(path.relative_to(broken_dir), yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader), "site", False)
    sys.exit(1 if surprises else 0)


if __name__ == "__main__":
    main()
