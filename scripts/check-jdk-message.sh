#!/usr/bin/env bash
# Checks that the build refuses an older JDK at once and says which JDK it found (issue 10).
# Uses OLD_JDK, or the first JDK older than 21 under /usr/lib/jvm; skips (exit 0) when there is none,
# so it never makes a machine without an old JDK fail.
set -euo pipefail
cd "$(dirname "$0")/.."

old_jdk="${OLD_JDK:-}"
if [ -z "$old_jdk" ]; then
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/java" ] || continue
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$major" ] && [ "$major" -lt 21 ]; then
      old_jdk="$candidate"
      break
    fi
  done
fi
if [ -z "$old_jdk" ]; then
  echo "skipped: no JDK older than 21 found (set OLD_JDK=/path/to/jdk to choose one)"
  exit 0
fi

output=$(mktemp)
trap 'rm -f "$output"' EXIT
if JAVA_HOME="$old_jdk" ./mvnw -B -ntp -o validate >"$output" 2>&1; then
  echo "FAIL: ./mvnw validate passed on $old_jdk; the enforcer should refuse it"
  exit 1
fi
# java.home is the JDK's real path (it may be a symlink), so the message is checked for its version.
version=$("$old_jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
if ! grep -qF "Chaching needs a JDK 21 or later, but Maven runs on Java $version" "$output"; then
  echo "FAIL: the build failed on $old_jdk without naming it:"
  tail -20 "$output"
  exit 1
fi
if grep -q "release version" "$output"; then
  echo "FAIL: the build reached the compiler on $old_jdk"
  exit 1
fi
echo "ok: $(grep -o 'Chaching needs.*' "$output" | head -1)"
echo "ok: $(wc -l <"$output") lines of output"
