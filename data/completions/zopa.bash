# bash completion for zopa                                      -*- shell-script -*-

_zopa()
{
    local cur prev words cword
    _init_completion || return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help --help-all --help-gapplication --version" -- "$cur"))
        return
    fi
    _filedir '@(json)'
}

complete -F _zopa zopa
