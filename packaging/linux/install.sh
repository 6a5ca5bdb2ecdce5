#!/bin/sh
# Install ShopDesk for this user (no root, no password): the program goes to
# ~/.local/share/shopdesk-app, a menu entry and icon to ~/.local/share, and the
# command `shopdesk` to ~/.local/bin. Running it again updates the program in place.
# Your data (~/.local/share/ShopDesk) is a different folder and is never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
app="$share/shopdesk-app"
bin="$HOME/.local/bin"

[ -x "$here/ShopDesk/ShopDesk" ] || { echo "ShopDesk/ShopDesk not found beside install.sh" >&2; exit 1; }
mkdir -p "$share/applications" "$share/icons/hicolor/256x256/apps" \
         "$share/icons/hicolor/512x512/apps" "$bin"
# Copy beside, then swap: a failed copy leaves the installed version as it was.
rm -rf "$app.new"
cp -R "$here/ShopDesk" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
cp "$here/uninstall.sh" "$app/uninstall.sh"
cp "$here/shopdesk.png" "$share/icons/hicolor/256x256/apps/shopdesk.png"
cp "$here/shopdesk-512.png" "$share/icons/hicolor/512x512/apps/shopdesk.png"
sed "s|^Exec=.*|Exec=\"$app/ShopDesk\"|" "$here/shopdesk.desktop" > "$share/applications/shopdesk.desktop"
chmod 644 "$share/applications/shopdesk.desktop"
ln -sf "$app/shopdesk" "$bin/shopdesk"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" >/dev/null 2>&1 || true

echo "ShopDesk is installed: find 店铺售后台 / ShopDesk in your applications menu."
echo "Command line: $bin/shopdesk"
case ":${PATH:-}:" in
    *":$bin:"*) ;;
    *) echo "(add $bin to PATH to type just 'shopdesk')" ;;
esac
echo "To remove it: sh \"$app/uninstall.sh\" (your data is kept)."
