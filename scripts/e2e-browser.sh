#!/bin/sh
# Stands in for the system browser in end-to-end tests: the app "opens" the consent URL by
# handing it to this script through $BROWSER; the test reads it and opens it in Chromium.
printf '%s\n' "$1" >> "${E2E_URL_FILE:?}"
