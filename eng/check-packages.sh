#!/usr/bin/env bash
# Proves the packages work for someone who installs them (issue 15's done-when):
#   1. packs the solution into a temp folder: exactly Ptm.Actors, Ptm.Actors.Hosting and
#      Ptm.Actors.TestKit, each with its README, XML docs, licence expression, description and
#      repository commit, and no exact-version dependency;
#   2. a fresh console app (dotnet new console) with TreatWarningsAsErrors=true takes
#      Serilog 4.4.0, then Ptm.Actors and Ptm.Actors.Hosting from that folder (dependencies from
#      the machine's normal feed), builds, and round-trips a byte through a pty pair
#      (eng/package-check/Program.cs);
#   3. a fresh xunit project (dotnet new xunit), warnings as errors too, takes Serilog 4.4.0 and
#      Ptm.Actors.TestKit and runs eng/package-check/PackagedTestKitTests.cs.
# Any failure exits non-zero with a line saying which step failed and the end of its output.
# Usage: bash eng/check-packages.sh [--no-build]   (--no-build: pack what the last Release build left)
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

repo=$(cd "$(dirname "$0")/.." && pwd)
pack_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) pack_args+=(--no-build) ;;
    *) echo "check-packages: unknown argument '$arg' (only --no-build)" >&2; exit 2 ;;
  esac
done

# Outside the repository, so none of its Directory.*.props reach the fresh apps.
work=$(mktemp -d "${TMPDIR:-/tmp}/ptm-package-check.XXXXXX")
feed="$work/feed"
started=$SECONDS
# PTM_PACKAGE_CHECK_KEEP=1 keeps the folder (apps, logs, packages) to look at afterwards.
if [ "${PTM_PACKAGE_CHECK_KEEP:-0}" = 1 ]; then
  trap 'echo "check-packages: kept $work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

fail() {
  echo "check-packages: FAILED: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    echo "---- last lines of its output ----" >&2
    tail -n 40 "$2" >&2
  fi
  exit 1
}

# Runs a step quietly into its own log (kept in $last_log); on failure, says which step and
# shows the log's end.
steps=0
last_log=
step() {
  local name=$1; shift
  steps=$((steps + 1))
  last_log="$work/step-$steps.log"
  local t0=$SECONDS
  printf 'check-packages: %s' "$name"
  "$@" >"$last_log" 2>&1 || { echo; fail "$name" "$last_log"; }
  echo " ($((SECONDS - t0)) s)"
}

# ---- 1. pack, and look inside ----
step "pack the solution" dotnet pack "$repo/Ptm.Actors.sln" -c Release -o "$feed" "${pack_args[@]}"

expected="Ptm.Actors Ptm.Actors.Hosting Ptm.Actors.TestKit"
found=$(cd "$feed" && ls -1 *.nupkg 2>/dev/null | sed -E 's/\.[0-9]+\.[0-9]+\.[0-9]+([-+][^/]*)?\.nupkg$//' | sort | tr '\n' ' ' | sed 's/ $//')
[ "$found" = "$expected" ] || fail "pack gave packages [$found], expected exactly [$expected]"
version=$(cd "$feed" && ls -1 Ptm.Actors.[0-9]*.nupkg | sed -E 's/^Ptm\.Actors\.(.*)\.nupkg$/\1/')

for id in $expected; do
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "$id: no $id.$version.nupkg (the three packages must share one version)"
  files=$(unzip -Z1 "$nupkg")
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -qx "README.md" <<<"$files" || fail "$id: README.md is not in the package"
  grep -qx "lib/net10.0/$id.xml" <<<"$files" || fail "$id: the XML docs (lib/net10.0/$id.xml) are not in the package"
  grep -q '<license type="expression">Apache-2.0</license>' <<<"$nuspec" || fail "$id: the nuspec has no Apache-2.0 licence expression"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: the nuspec names no readme"
  grep -Eq '<description>.{40,}</description>' <<<"$nuspec" || fail "$id: the nuspec has no real description"
  grep -Eq '<repository type="git"[^>]* commit="[0-9a-f]{40}"' <<<"$nuspec" || fail "$id: the nuspec records no git commit"
  if grep -Eq '<dependency [^>]*version="\[' <<<"$nuspec"; then
    fail "$id: a dependency is pinned to an exact version: $(grep -Eo '<dependency [^>]*version="\[[^"]*"' <<<"$nuspec" | head -1)"
  fi
done
echo "check-packages: $expected $version: README, XML docs, licence, description, commit, ranges: ok"

# ---- 2. the apps' surroundings: their own NuGet config and package folder ----
# The packed folder is one more source next to the machine's own (nuget.org in the user config),
# which serves the dependencies. Packages restore into a folder of this run, so a package of the
# same version cached by an earlier run is never taken for this one; the user's package folder is
# a fallback folder, read-only, to save downloading what this machine already has.
cat >"$work/Directory.Build.props" <<'XML'
<Project><!-- stops the search for the repository's Directory.Build.props here --></Project>
XML
cp "$work/Directory.Build.props" "$work/Directory.Build.targets"
cat >"$work/Directory.Packages.props" <<'XML'
<Project><!-- no central package management: the apps name their versions as a newcomer would --></Project>
XML
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <add key="ptm-packages-under-check" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="user" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
</configuration>
XML

# dotnet add package restores without the project's warnings-as-errors: a NuGet warning there
# (NU1608 for a dependency pinned below the host's Serilog, NU1603, NU1605...) is a failure here.
add_package() {
  local project=$1 id=$2 version=$3
  step "$(basename "$project"): dotnet add package $id --version $version" dotnet add "$project" package "$id" --version "$version"
  if grep -Eq '\bNU[0-9]{4}\b' "$last_log"; then
    fail "$(basename "$project"): dotnet add package $id gave a NuGet warning" "$last_log"
  fi
}

# TreatWarningsAsErrors=true in a fresh project file, the way a strict host sets it.
warnings_as_errors() {
  sed -i 's|<PropertyGroup>|<PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>|' "$1"
  grep -q '<TreatWarningsAsErrors>true' "$1" || fail "could not set TreatWarningsAsErrors in $1"
}

# ---- 3. a console app on Serilog 4.4.0 takes Ptm.Actors and Ptm.Actors.Hosting ----
app="$work/ConsoleHost"
step "dotnet new console" dotnet new console -o "$app" -n ConsoleHost --framework net10.0
warnings_as_errors "$app/ConsoleHost.csproj"
add_package "$app" Serilog 4.4.0
add_package "$app" Microsoft.Extensions.Hosting 10.0.0
add_package "$app" Ptm.Actors "$version"
add_package "$app" Ptm.Actors.Hosting "$version"
cp "$repo/eng/package-check/Program.cs" "$app/Program.cs"
step "ConsoleHost: build (warnings as errors)" dotnet build "$app" -c Release
step "ConsoleHost: run (a byte each way through a pty pair)" timeout 120 dotnet run --project "$app" -c Release --no-build
grep -q "package check app: ok" "$last_log" || fail "ConsoleHost: the app did not report ok" "$last_log"

# ---- 4. an xunit project on Serilog 4.4.0 takes Ptm.Actors.TestKit ----
tests="$work/TestKitUser"
step "dotnet new xunit" dotnet new xunit -o "$tests" -n TestKitUser --framework net10.0
warnings_as_errors "$tests/TestKitUser.csproj"
rm -f "$tests"/UnitTest1.cs
add_package "$tests" Serilog 4.4.0
add_package "$tests" Ptm.Actors.TestKit "$version"
cp "$repo/eng/package-check/PackagedTestKitTests.cs" "$tests/"
step "TestKitUser: test (warnings as errors)" timeout 300 dotnet test "$tests" -c Release

echo "check-packages: ok: $expected $version pack, install into a fresh console app and xunit project on Serilog 4.4.0 with warnings as errors, and run ($((SECONDS - started)) s)"
