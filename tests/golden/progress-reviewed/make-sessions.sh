#!/bin/sh
# How the transcripts in sessions/ were made: two of progress-sessions'
# transcripts, each with a review appended by piped tries.  Run from
# this directory with the program built: sh make-sessions.sh
set -e
IC=${INFOCOACH:-$(pwd)/../../../src/infocoach}
export INFOCOACH_CONFIG=/dev/null
mkdir -p sessions
cp ../progress-sessions/sessions/1-mock-general.md ../progress-sessions/sessions/3-mock-general.md sessions/
cd sessions
# The pay question put better, the job ask skipped, whom else to talk
# to put better, then stopped.
printf '%s\n' "What skills helped you most when you started out?" "" "Who else would you suggest I talk to?" \
    /stop | "$IC" review 1-mock-general.md > /dev/null
# The yes/no question put better, then stopped.
printf '%s\n' "What do you like most about your job?" /stop | "$IC" review 3-mock-general.md > /dev/null
