# Shared by the bench scripts (source it): the application jar, built first when it is missing.
application_jar() {
  local jar
  jar=$(ls target/crmflow-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$jar" ]; then
    ./mvnw -B -q -DskipTests package
    jar=$(ls target/crmflow-*.jar | grep -v plain | head -1)
  fi
  realpath "$jar"
}
