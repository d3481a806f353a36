#!/usr/bin/env bash
# Restore a backup of deploy/backup.sh into an EMPTY database and an empty mailbox folder.
#
#   deploy/restore.sh wmoketen-<stamp>.dump brievenbus-<stamp>.tar.gz
#
# DATABASE_URL names the new, empty database (createdb, owned by the user in the URL);
# BERICHTEN_BRIEVENBUS the folder the mailboxes go to (absent or empty). Refuses anything
# else: a restore never mixes with live data. Stop wmoketen-web, -worker and -beat first.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "gebruik: $0 DUMP BRIEVENBUS.tar.gz" >&2
  exit 2
fi
dump="$1"
brievenbus="$2"
: "${DATABASE_URL:?DATABASE_URL is not set}" "${BERICHTEN_BRIEVENBUS:?BERICHTEN_BRIEVENBUS is not set}"

tabellen="$(psql -X --quiet --tuples-only --no-align "$DATABASE_URL" \
  -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [[ $tabellen != 0 ]]; then
  echo "Weigering: de database heeft al $tabellen tabellen; herstel gaat alleen in een lege." >&2
  exit 1
fi
if [[ -e $BERICHTEN_BRIEVENBUS && -n "$(ls -A "$BERICHTEN_BRIEVENBUS")" ]]; then
  echo "Weigering: $BERICHTEN_BRIEVENBUS is niet leeg." >&2
  exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname "$DATABASE_URL" "$dump"
mkdir -p "$BERICHTEN_BRIEVENBUS"
tar --extract --gzip --file "$brievenbus" --directory "$BERICHTEN_BRIEVENBUS" --no-same-owner
echo "hersteld: $dump in de database, $brievenbus in $BERICHTEN_BRIEVENBUS"
