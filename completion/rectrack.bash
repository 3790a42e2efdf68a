# bash completion for rectrack. rectrack answers itself (`rectrack _complete
# WORDS...`): commands and options from its own command tree, and keys,
# evidence ids and statuses from the database the command line would use.
_rectrack() {
    local IFS=$'\n'
    COMPREPLY=($(command "${COMP_WORDS[0]}" _complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _rectrack rectrack
