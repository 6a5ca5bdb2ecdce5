#!/bin/sh
# Remove the ShopDesk program, menu entry, icons and command installed by install.sh.
# The data folder (cases, backups, evidence: ~/.local/share/ShopDesk, or $SHOPDESK_HOME)
# and the logs are kept; delete them by hand if you really want them gone.
set -eu
share=${XDG_DATA_HOME:-$HOME/.local/share}
app="$share/shopdesk-app"
bin="$HOME/.local/bin"
rm -f "$share/applications/shopdesk.desktop" \
      "$share/icons/hicolor/256x256/apps/shopdesk.png" \
      "$share/icons/hicolor/512x512/apps/shopdesk.png"
if [ -L "$bin/shopdesk" ]; then rm -f "$bin/shopdesk"; fi
rm -rf "$app"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" >/dev/null 2>&1 || true
echo "ShopDesk was removed. Your data was kept in: $share/ShopDesk"
