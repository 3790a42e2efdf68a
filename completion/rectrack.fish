# fish completion for rectrack: rectrack answers itself (`rectrack _complete
# WORDS...`), as it does for bash and zsh.
complete -c rectrack -f -a '(rectrack _complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
