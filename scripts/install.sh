#!/usr/bin/env bash
# Installs crm-audit under PREFIX (default /usr/local):
#   PREFIX/bin/crm-audit                              the release binary
#   PREFIX/share/crm-audit/{questionnaires,rulesets,platforms,examples,docs}
#                                                     the bundled method; the binary finds it from
#                                                     its own location (symlinks resolved)
#   PREFIX/share/bash-completion/completions/crm-audit, PREFIX/share/zsh/site-functions/_crm-audit,
#   PREFIX/share/fish/vendor_completions.d/crm-audit.fish    shell completions
#   PREFIX/share/man/man1/crm-audit.1                 the man page, generated from the command
#                                                     definitions (`crm-audit manual`)
# The binary links the Swift runtime statically, so it runs on a machine without Swift; it needs
# only libxml2, libsqlite3 and zlib (what scripts/setup.sh installs).
# Usage: scripts/install.sh [PREFIX]      e.g. scripts/install.sh "$HOME/.local"
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"

scripts/setup.sh
echo "Building crm-audit (release) ..." >&2
swift build -c release --static-swift-stdlib --product crm-audit >&2
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/crm-audit"

share="$prefix/share/crm-audit"
install -d "$prefix/bin" "$share"
install -m 0755 -s "$binary" "$prefix/bin/crm-audit"   # stripped: 106 MB → 68 MB
# The bundled method is replaced whole, so that files removed upstream do not linger.
for folder in questionnaires rulesets platforms examples docs; do
  rm -rf "${share:?}/$folder"
  cp -R "$folder" "$share/$folder"
done
chmod -R u+rwX,go+rX,go-w "$share"

completions() { "$prefix/bin/crm-audit" --generate-completion-script "$1"; }
install -d "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
  "$prefix/share/fish/vendor_completions.d" "$prefix/share/man/man1"
completions bash >"$prefix/share/bash-completion/completions/crm-audit"
completions zsh >"$prefix/share/zsh/site-functions/_crm-audit"
completions fish >"$prefix/share/fish/vendor_completions.d/crm-audit.fish"

"$prefix/bin/crm-audit" manual >"$prefix/share/man/man1/crm-audit.1"
chmod 0644 "$prefix/share/man/man1/crm-audit.1"

echo "Installed: $prefix/bin/crm-audit" >&2
"$prefix/bin/crm-audit" --version
