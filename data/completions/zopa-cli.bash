# bash completion for zopa-cli                                  -*- shell-script -*-

_zopa_cli()
{
    local cur prev words cword
    _init_completion || return

    local commands="validate builtin analyze export compare import-stances euler-fit help"
    local command="" file="" i
    for ((i = 1; i < cword; i++)); do
        if [[ -z $command && ${words[i]} != -* ]]; then
            command=${words[i]}
        elif [[ -n $command && -z $file && ${words[i]} == *.json ]]; then
            file=${words[i]}
        fi
    done

    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi

    case $prev in
        -o | --output)
            if [[ $command == import-stances ]]; then
                _filedir '@(json)'
            else
                _filedir '@(png|svg|pdf)'
            fi
            COMPREPLY+=($(compgen -W "-" -- "$cur"))
            return ;;
        --format) COMPREPLY=($(compgen -W "png svg pdf" -- "$cur")); return ;;
        --view) COMPREPLY=($(compgen -W "venn issue-map bargaining" -- "$cur")); return ;;
        --mode) COMPREPLY=($(compgen -W "schematic proportional" -- "$cur")); return ;;
        --theme) COMPREPLY=($(compgen -W "light dark" -- "$cur")); return ;;
        --background) COMPREPLY=($(compgen -W "opaque transparent" -- "$cur")); return ;;
        --shape) COMPREPLY=($(compgen -W "circle ellipse" -- "$cur")); return ;;
        --variant)
            COMPREPLY=($(compgen -W "$(_zopa_cli_variant_ids "$file")" -- "$cur"))
            return ;;
        --actors | --drafts | --width | --height | --scale | --title | --headline | --runs | --max-axis-ratio | --time-limit)
            return ;;
    esac

    local options=""
    case $command in
        validate) options="--help" ;;
        builtin) options="--help" ;;
        analyze) options="--variant --actors --json --csv --time-limit --help" ;;
        import-stances) options="-o --output --help" ;;
        export)
            options="-o --output --format --view --mode --variant --actors --drafts --width
                     --height --scale --theme --background --title --headline --storyboard --help" ;;
        compare)
            options="-o --output --format --json --variant --actors --only-changes --width
                     --scale --theme --title --help" ;;
        euler-fit) options="--shape --runs --max-axis-ratio --help" ;;
        help)
            COMPREPLY=($(compgen -W "${commands% help}" -- "$cur"))
            return ;;
        *) return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    if [[ $command == import-stances && -n $file ]]; then
        _filedir '@(csv|tsv)'
    else
        _filedir '@(json)'
    fi
    [[ $command != builtin ]] && COMPREPLY+=($(compgen -W "-" -- "$cur"))
}

# The variant ids of the scenario named on the line (the built-in one without), read from
# the layout Zopa writes: two-space indentation, one member a line.
_zopa_cli_variant_ids()
{
    local file=$1 cli=${COMP_WORDS[0]}
    local -a source=("$cli" builtin)
    if [[ -n $file && $file != - && -r $file ]]; then
        source=(cat -- "$file")
    fi
    "${source[@]}" 2>/dev/null |
        sed -n '/^  "variants": \[/,/^  \]/s/^      "id": "\([^"]*\)",\{0,1\}$/\1/p'
}

complete -F _zopa_cli zopa-cli
