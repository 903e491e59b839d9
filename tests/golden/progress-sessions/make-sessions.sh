#!/bin/sh
# How the transcripts in sessions/ were made: four piped sessions on the
# test clock (which starts every session at 2026-01-01 00:00 UTC), then
# each moved to a day of its own by its "- started:" line, so that
# 'infocoach progress' shows them as held on four days.  Run from this
# directory with the program built: sh make-sessions.sh
set -e
IC=${INFOCOACH:-$(pwd)/../../../src/infocoach}
export INFOCOACH_CONFIG=/dev/null XDG_STATE_HOME="${TMPDIR:-/tmp}/infocoach-make-sessions"
mkdir -p sessions
cd sessions
printf '%s\n' "Hello, thanks for meeting me." "What does a typical week look like for you?" \
    "How much do you make?" "Are you hiring at the moment?" "How did you get into this line of work?" \
    "Thank you for your time." /end |
    INFOCOACH_TEST_CLOCK=2m "$IC" mock --duration 20m --seed 1 --no-history --transcript 1-mock-general.md > /dev/null
printf '%s\n' "What does a typical shift look like for you?" "What do you find most rewarding about nursing?" \
    "How is nursing changing at the moment?" "Who else would you suggest I talk to?" "Thank you so much." /end |
    INFOCOACH_TEST_CLOCK=1m30s "$IC" practice --bank nursing --seed 2 --no-history \
    --transcript 2-practice-nursing.md > /dev/null
printf '%s\n' "Is half an hour still OK for you?" "How did you get into this line of work?" \
    "What are the hardest parts of your job?" "Do you like your job?" "What skills matter most in your work?" \
    "How is your field changing at the moment?" "Who else would you suggest I talk to?" \
    "May I mention your name when I contact them?" "Thank you for your time today." /end |
    INFOCOACH_TEST_CLOCK=2m "$IC" mock --duration 25m --seed 3 --no-history --transcript 3-mock-general.md > /dev/null
printf '%s\n' "What does a normal week look like for you?" "How did you become a software engineer?" \
    "What do you enjoy most about the work?" "What skills should a new engineer build first?" \
    "How is AI changing the way your team works?" "Who else would you recommend I speak with?" \
    "Would you mind if I mention your name when I contact them?" "Thanks a lot for your time." /end |
    INFOCOACH_TEST_CLOCK=2m "$IC" mock --duration 20m --bank software-engineering --seed 4 --no-history \
    --transcript 4-mock-software.md > /dev/null
for f in 1-mock-general:03 2-practice-nursing:05 3-mock-general:09 4-mock-software:12; do
	sed -i "s/^- started: 2026-01-01 /- started: 2026-01-${f#*:} /" "${f%:*}.md"
done
