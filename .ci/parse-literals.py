#!/usr/bin/env python3
"""Lists the string and char literals of src/parse/ outside tests, comments and docs.

Issue 10: the words of the five languages live in `bib/`; the literals left in
`src/parse/` are messages, JSON and CSL keys, typography (punctuation, quotes,
dashes) and notation (Roman numerals, digit scripts, URL schemes).

    .ci/parse-literals.py [--all] [FILE...]

By default prints only the literals with a letter in them (the ones that could
be vocabulary), one per line as `file:line: literal`; `--all` prints
punctuation literals too. Files default to every `src/parse/*.rs`.
"""
import glob, os, re, sys

TOKEN = re.compile(r'//[^\n]*|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])\'')
LETTER = re.compile(r"[^\W\d_]")


def without_tests(src):
    """`src` with each `#[cfg(test)]` item (a module or a `mod tests;`) blanked, lines kept."""
    out, i = [], 0
    while (j := src.find("#[cfg(test)]", i)) >= 0:
        out.append(src[i:j])
        brace, semi = src.find("{", j), src.find(";", j)
        if semi >= 0 and (brace < 0 or semi < brace):
            end = semi + 1
        else:
            depth, end = 0, brace
            while end < len(src):
                # Braces inside literals and comments do not count.
                skip = TOKEN.match(src, end) if src[end] in "\"'/" else None
                if skip and skip.end() > end:
                    end = skip.end()
                    continue
                depth += {"{": 1, "}": -1}.get(src[end], 0)
                end += 1
                if depth == 0:
                    break
        out.append("\n" * src.count("\n", j, end))
        i = end
    out.append(src[i:])
    return "".join(out)


def literals(path):
    src = without_tests(open(path, encoding="utf-8").read())
    for n, line in enumerate(src.split("\n"), 1):
        for m in TOKEN.finditer(line):
            if m.group(0).startswith("//"):
                break
            yield n, m.group(0)


def test_modules(root):
    """The files of `src/parse/` that `mod.rs` declares only under `#[cfg(test)]`."""
    src = open(os.path.join(root, "src/parse/mod.rs"), encoding="utf-8").read()
    names = re.findall(r"#\[cfg\(test\)\]\s*mod (\w+);", src)
    return {os.path.join(root, "src/parse", n + ".rs") for n in names}


def main(args):
    everything = "--all" in args
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    files = [a for a in args if a != "--all"] or [
        f for f in sorted(glob.glob(os.path.join(root, "src/parse/*.rs"))) if f not in test_modules(root)
    ]
    for path in files:
        for n, lit in literals(path):
            if everything or LETTER.search(lit[1:-1]):
                print(f"{os.path.relpath(path, root)}:{n}: {lit}")


if __name__ == "__main__":
    main(sys.argv[1:])
