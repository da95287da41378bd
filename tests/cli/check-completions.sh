#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the shell completions of data/completions against zopa-cli itself (TAP output):
# bash completes the commands, every option each command's --help names, option values and
# variant ids; zsh and fish files parse, name every option, and fish completes the commands
# and options. A shell that is not installed skips its part.
# Usage: check-completions.sh COMPLETIONS_DIR   (ZOPA_CLI names the program)
set -u

dir=$1
cli=${ZOPA_CLI:?}
commands="validate builtin analyze export compare import-stances euler-fit"
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "# $2"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
check() { if [ "$1" = 0 ]; then ok "$2"; else not_ok "$2" "${3:-}"; fi; }

# The long options a command's help names ("--help" aside).
options_of() {
    "$cli" "$1" --help | grep -oE -- '--[a-z][a-z-]*' | grep -vE '^--help' | sort -u
}

# What bash completes for the words given (the last one is being completed).
bash_complete() {
    bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"; shift
        cli=$1; shift
        COMP_WORDS=("$cli" "$@")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        _zopa_cli "$cli" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"
    ' bash "$dir/zopa-cli.bash" "$cli" "$@"
}

has_line() { printf '%s\n' "$1" | grep -qxF -- "$2"; }

if [ -r /usr/share/bash-completion/bash_completion ]; then
    out=$(bash_complete "")
    missing=""
    for c in $commands help; do has_line "$out" "$c" || missing="$missing $c"; done
    check "$([ -z "$missing" ]; echo $?)" "bash completes every command" "missing:$missing"

    out=$(bash_complete ex)
    check "$([ "$out" = export ]; echo $?)" "bash completes 'ex' to export" "got: $out"

    for c in $commands; do
        out=$(bash_complete "$c" --)
        missing=""
        for o in $(options_of "$c"); do has_line "$out" "$o" || missing="$missing $o"; done
        check "$([ -z "$missing" ]; echo $?)" "bash completes every option of $c --help" "missing:$missing"
    done

    out=$(bash_complete export --view "")
    check "$([ "$(echo $out)" = "venn issue-map bargaining" ]; echo $?)" "bash completes the values of --view" "got: $out"
    out=$(bash_complete export --format p)
    check "$([ "$(echo $out)" = "png pdf" ]; echo $?)" "bash completes the values of --format" "got: $out"

    # Each id completed after --variant is one analyze accepts, and there are some.
    out=$(bash_complete analyze --variant "")
    bad=""
    for v in $out; do "$cli" analyze --variant "$v" >/dev/null 2>&1 || bad="$bad $v"; done
    check "$([ -n "$out" ] && [ -z "$bad" ]; echo $?)" \
        "bash completes variant ids of the built-in scenario after --variant" "got: $(echo $out); refused:$bad"

    out=$(bash_complete help "")
    missing=""
    for c in $commands; do has_line "$out" "$c" || missing="$missing $c"; done
    check "$([ -z "$missing" ] && ! has_line "$out" help; echo $?)" "bash completes the commands after help" "got: $out"
else
    skip "bash-completion is not installed"
fi

if command -v zsh >/dev/null; then
    zsh -n "$dir/_zopa-cli"
    check $? "the zsh completion parses"
    for c in $commands; do
        missing=""
        for o in $(options_of "$c"); do grep -qE -- "['\",]$o[]=+'[]" "$dir/_zopa-cli" || missing="$missing $o"; done
        check "$([ -z "$missing" ]; echo $?)" "the zsh completion names every option of $c" "missing:$missing"
    done
else
    skip "zsh is not installed"
fi

if command -v fish >/dev/null; then
    fish -n "$dir/zopa-cli.fish" && fish -n "$dir/zopa.fish"
    check $? "the fish completions parse"
    fish_complete() {
        PATH="$(dirname "$cli"):$PATH" fish --no-config -c "source '$dir/zopa-cli.fish'; complete -C '$1'" | cut -f1
    }
    out=$(fish_complete "zopa-cli ")
    missing=""
    for c in $commands help; do has_line "$out" "$c" || missing="$missing $c"; done
    check "$([ -z "$missing" ]; echo $?)" "fish completes every command" "missing:$missing"
    for c in $commands; do
        out=$(fish_complete "zopa-cli $c --")
        missing=""
        for o in $(options_of "$c"); do has_line "$out" "$o" || missing="$missing $o"; done
        check "$([ -z "$missing" ]; echo $?)" "fish completes every option of $c" "missing:$missing"
    done
    out=$(fish_complete "zopa-cli export --theme=")
    check "$([ "$(echo $out)" = "--theme=dark --theme=light" ] || [ "$(echo $out)" = "--theme=light --theme=dark" ]; echo $?)" \
        "fish completes the values of --theme" "got: $out"
else
    skip "fish is not installed"
fi

echo "1..$n"
exit $failed
