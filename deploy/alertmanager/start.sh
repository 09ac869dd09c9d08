#!/bin/sh
# Alertmanager does not read environment variables in its configuration: put the receiver URL
# from deploy/compose/.env into a copy of it, then start Alertmanager on that copy.
set -eu
: "${ALERT_WEBHOOK_URL:?set ALERT_WEBHOOK_URL in deploy/compose/.env}"
# Escape what sed would read as special in a replacement: backslash, ampersand and the delimiter.
url=$(printf '%s' "$ALERT_WEBHOOK_URL" | sed 's/[\\&|]/\\&/g')
sed "s|\${ALERT_WEBHOOK_URL}|$url|g" /etc/alertmanager/alertmanager.yml > /tmp/alertmanager.yml
exec /bin/alertmanager --config.file=/tmp/alertmanager.yml --storage.path=/alertmanager "$@"
