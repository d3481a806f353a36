#!/usr/bin/env bash
# Backup of wmoketen: the database (pg_dump, custom format) and the file mailboxes (tar.gz),
# under one UTC timestamp. Restore with deploy/restore.sh; docs/productie.md has the drill.
#
#   deploy/backup.sh [DIR]        DIR: default $BACKUP_DIR
#
# Reads DATABASE_URL (postgres://…), BERICHTEN_BRIEVENBUS, BACKUP_DIR and BACKUP_BEWAAR_DAGEN
# (delete backups older than that many days; empty: keep all) from the environment, as the
# systemd unit wmoketen-backup.service passes them from /etc/wmoketen/wmoketen.env.
# Prints the two files it wrote.
set -euo pipefail

doel="${1:-${BACKUP_DIR:?BACKUP_DIR is not set and no folder was given}}"
: "${DATABASE_URL:?DATABASE_URL is not set}" "${BERICHTEN_BRIEVENBUS:?BERICHTEN_BRIEVENBUS is not set}"
stempel="$(date -u +%Y%m%dT%H%M%SZ)"
dump="$doel/wmoketen-$stempel.dump"
brievenbus="$doel/brievenbus-$stempel.tar.gz"
umask 077  # the backup holds every client's data
mkdir -p "$doel"
trap 'rm -f "$dump.tmp" "$brievenbus.tmp"' EXIT  # a failed run leaves no partial copy behind

# Hold the mailbox locks (the ones berichten_import and berichten_export take) so that no file
# moves between in/, in/verwerkt/ and out/ while the database and the folders are copied: a
# run that starts meanwhile reports the mailbox busy and the next one does the work.
for slot in "$BERICHTEN_BRIEVENBUS"/.export/.brievenbus.lock "$BERICHTEN_BRIEVENBUS"/*/.brievenbus.lock; do
  [[ -f $slot && ! -L $slot ]] || continue
  exec {fd}<"$slot"
  flock --wait 600 "$fd"
done

pg_dump --format=custom --file "$dump.tmp" "$DATABASE_URL"
mv "$dump.tmp" "$dump"
tar --create --gzip --file "$brievenbus.tmp" --directory "$BERICHTEN_BRIEVENBUS" .
mv "$brievenbus.tmp" "$brievenbus"

if [[ -n ${BACKUP_BEWAAR_DAGEN:-} ]]; then
  find "$doel" -maxdepth 1 -type f \( -name 'wmoketen-*.dump' -o -name 'brievenbus-*.tar.gz' \) \
    -mtime +"$BACKUP_BEWAAR_DAGEN" -delete
fi
echo "$dump"
echo "$brievenbus"
