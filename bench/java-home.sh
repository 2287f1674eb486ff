# Sourced by the bench and check scripts: when JAVA_HOME is unset, the first JDK 21+ this kind of machine
# keeps under /usr/lib/jvm (the default java may be 17, which cannot build the project).
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [ -x "$candidate/bin/java" ] && export JAVA_HOME=$candidate && break
  done
fi
