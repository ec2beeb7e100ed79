#!/usr/bin/env python3
"""Lists the public items whose documentation has no code example.

Every public item of the library should have a runnable example (a fenced code block in its
docs; rustdoc runs them as doctests). `rustdoc --show-coverage` does not look inside inherent
impls, where most of the API lives, so this reads rustdoc's JSON output instead:

    cargo +nightly rustdoc -p shaped-tensor-core --all-features -- -Z unstable-options --output-format json
    cargo +nightly rustdoc -p shaped-tensor --all-features -- -Z unstable-options --output-format json
    python3 ci/doc-examples.py target/doc/tensor_core.json target/doc/tensor.json

It walks each crate from its root through public modules and re-exports: structs, enums,
traits (and their methods), functions, constants, type aliases, and the public methods of
inherent impls. Trait impls (`impl Add for Tensor`) are not items of their own and are skipped;
`#[doc(hidden)]` items too. Prints `file:line  path  kind` per item without an example and
exits with status 1 if there is any.
"""

import json
import sys

CHECKED_KINDS = {"struct", "enum", "trait", "function", "constant", "type_alias", "static", "union", "macro", "proc_macro"}


def kind_of(item):
    return next(iter(item["inner"]))


def hidden(item):
    attrs = item.get("attrs") or []
    return any("hidden" in json.dumps(a) for a in attrs)


def has_example(item):
    return "```" in (item.get("docs") or "")


def walk(index, item_id, path, seen, missing, checked):
    if item_id in seen:
        return
    seen.add(item_id)
    item = index.get(str(item_id))
    if item is None or hidden(item):
        return
    kind = kind_of(item)
    inner = item["inner"][kind]
    name = item.get("name") or ""
    here = f"{path}::{name}" if name else path
    if kind == "module":
        for child in inner["items"]:
            child_item = index.get(str(child))
            if child_item is None:
                continue
            if child_item["visibility"] == "public" or kind_of(child_item) == "use":
                walk(index, child, here, seen, missing, checked)
        return
    if kind == "use":
        if item["visibility"] != "public" or inner.get("id") is None:
            return
        target = index.get(str(inner["id"]))
        if target is None:
            return  # an item of another crate: checked there
        if kind_of(target) != "module" and "```" in (item.get("docs") or ""):
            seen.add(inner["id"])  # the re-export's own docs carry the example
            return
        walk(index, inner["id"], path, seen, missing, checked)
        return
    if kind in CHECKED_KINDS:
        checked.append(item_id)
    if kind in CHECKED_KINDS and not has_example(item):
        missing.append((item, here, kind))
    if kind == "trait":
        for child in inner["items"]:
            child_item = index.get(str(child))
            if child_item and kind_of(child_item) == "function":
                checked.append(child)
            if child_item and kind_of(child_item) == "function" and not has_example(child_item):
                if not hidden(child_item):
                    missing.append((child_item, f"{here}::{child_item['name']}", "trait method"))
    if kind in ("struct", "enum", "union"):
        for impl_id in inner.get("impls", []):
            impl = index.get(str(impl_id))
            if impl is None or impl["inner"]["impl"]["trait"] is not None:
                continue
            for child in impl["inner"]["impl"]["items"]:
                child_item = index.get(str(child))
                if child_item is None or child_item["visibility"] != "public" or hidden(child_item):
                    continue
                if child in seen:
                    continue
                seen.add(child)
                checked.append(child)
                if not has_example(child_item):
                    label = "method" if kind_of(child_item) == "function" else "associated item"
                    missing.append((child_item, f"{here}::{child_item['name']}", label))


def main(paths):
    total = 0
    for p in paths:
        data = json.load(open(p))
        index = data["index"]
        missing, checked = [], []
        walk(index, data["root"], "", set(), missing, checked)
        print(f"{p}: {len(checked)} public items checked", file=sys.stderr)
        for item, path, kind in sorted(missing, key=lambda m: (m[0]["span"]["filename"], m[0]["span"]["begin"][0])):
            span = item["span"]
            print(f"{span['filename']}:{span['begin'][0]}  {path.lstrip(':')}  {kind}")
        total += len(missing)
    print(f"{total} public items without an example", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
