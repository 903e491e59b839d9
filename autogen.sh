#!/bin/sh
# autogen.sh -- generate ./configure from configure.ac and Makefile.am.
# Needs autoconf, automake and pkg-config (Debian: apt-get install autoconf
# automake pkg-config); scripts/setup installs them for you.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf --install --force
# automake does not copy the TAP driver by itself.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
