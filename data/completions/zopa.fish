# fish completion for zopa

complete -c zopa -k -a "(__fish_complete_suffix .json)"
complete -c zopa -s h -l help -d 'Show the options'
complete -c zopa -l help-all -d 'Show every option'
complete -c zopa -l version -d 'Show the version'
