# fish completion for zopa-cli

set -l commands validate builtin analyze export compare import-stances euler-fit help

function __zopa_cli_variants
    # The variant ids of the scenario on the command line (the built-in one without), from
    # the layout Zopa writes: two-space indentation, one member a line.
    set -l file (commandline -opc | string match -r '.*\.json$')[1]
    set -l script '/^  "variants": \[/,/^  \]/s/^      "id": "\([^"]*\)",\{0,1\}$/\1/p'
    if test -n "$file"; and test -r "$file"
        sed -n $script -- $file 2>/dev/null
    else
        zopa-cli builtin 2>/dev/null | sed -n $script
    end
end

complete -c zopa-cli -f
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -l help -d 'Show the help'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check scenario files, one line per problem'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a builtin -d 'Print the built-in scenario as a file'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a analyze -d 'Verdicts, regions, the ZOPA and what must change'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a export -d 'Draw a diagram into a PNG, SVG or PDF file'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a compare -d 'Compare two drafts clause by clause'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a import-stances -d 'Update actors’ stances from a CSV table'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a euler-fit -d 'Fit area-proportional Euler diagrams'
complete -c zopa-cli -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show the help of a command'

complete -c zopa-cli -n "__fish_seen_subcommand_from help" -a "validate builtin analyze export compare import-stances euler-fit"

# Scenario files (and - for standard input) where a command reads one.
complete -c zopa-cli -n "__fish_seen_subcommand_from validate analyze export compare import-stances euler-fit" -k -a "(__fish_complete_suffix .json)"
complete -c zopa-cli -n "__fish_seen_subcommand_from import-stances" -k -a "(__fish_complete_suffix .csv)"
complete -c zopa-cli -n "__fish_seen_subcommand_from validate analyze export compare import-stances" -a - -d 'Standard input'
complete -c zopa-cli -n "__fish_seen_subcommand_from validate builtin analyze export compare import-stances euler-fit" -l help -d 'Show the help'

complete -c zopa-cli -n "__fish_seen_subcommand_from analyze export compare" -l variant -x -a "(__zopa_cli_variants)" -d 'Apply a variant of the scenario'
complete -c zopa-cli -n "__fish_seen_subcommand_from analyze export compare" -l actors -x -d 'The actors to show (ID,…)'
complete -c zopa-cli -n "__fish_seen_subcommand_from analyze compare" -l json -d 'Print JSON'
complete -c zopa-cli -n "__fish_seen_subcommand_from analyze" -l csv -d 'Print the regions and verdicts as a CSV table'
complete -c zopa-cli -n "__fish_seen_subcommand_from analyze" -l time-limit -x -d 'Stop the searches after about this many seconds'

complete -c zopa-cli -n "__fish_seen_subcommand_from export compare" -s o -l output -r -F -d 'Write the drawing to OUT (- for standard output)'
complete -c zopa-cli -n "__fish_seen_subcommand_from export compare" -l format -x -a "png svg pdf" -d 'The file format'
complete -c zopa-cli -n "__fish_seen_subcommand_from export compare" -l width -x -d 'Page width'
complete -c zopa-cli -n "__fish_seen_subcommand_from export compare" -l scale -x -d 'PNG: pixels per page pixel'
complete -c zopa-cli -n "__fish_seen_subcommand_from export compare" -l theme -x -a "light dark" -d 'Light or dark colours'
complete -c zopa-cli -n "__fish_seen_subcommand_from export compare" -l title -x -d 'The title'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l headline -x -d 'The line under the title'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l view -x -a "venn issue-map bargaining" -d 'The Venn diagram, the issue map or the bargaining view'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l mode -x -a "schematic proportional" -d 'Every region, or areas to scale'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l drafts -x -d 'The drafts to show (ID,…)'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l height -x -d 'Page height'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l background -x -a "opaque transparent" -d 'Paint the background or not'
complete -c zopa-cli -n "__fish_seen_subcommand_from export" -l storyboard -d 'Every frame of the storyboard: a PDF page or a numbered file each'
complete -c zopa-cli -n "__fish_seen_subcommand_from compare" -l only-changes -d 'Leave out the kept clauses'

complete -c zopa-cli -n "__fish_seen_subcommand_from import-stances" -s o -l output -r -F -d 'Write the updated scenario to OUT (- for standard output)'

complete -c zopa-cli -n "__fish_seen_subcommand_from euler-fit" -l shape -x -a "circle ellipse" -d 'Circles or ellipses'
complete -c zopa-cli -n "__fish_seen_subcommand_from euler-fit" -l runs -x -d 'How many runs'
complete -c zopa-cli -n "__fish_seen_subcommand_from euler-fit" -l max-axis-ratio -x -d 'Largest ellipse axis ratio'
