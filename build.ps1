# Thin wrapper over the same dotnet commands the README gives. Usage:
#   ./build.ps1 [build|test|pack|soak|bench|spec] [extra args...]
param([string]$Task = "build", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)
$ErrorActionPreference = "Stop"
switch ($Task) {
  "build" { dotnet build Ptm.Actors.sln -c Release @Rest }
  "test"  { dotnet test Ptm.Actors.sln -c Release --blame-hang-timeout 5min --blame-hang-dump-type mini @Rest }
  # The three packages into artifacts/, then the install check on what that build left.
  "pack"  {
    dotnet pack Ptm.Actors.sln -c Release -o artifacts @Rest
    if ($LASTEXITCODE -eq 0) { bash eng/check-packages.sh --no-build }
  }
  "soak"  { dotnet run --project src/Ptm.Actors.Cli -c Release -- soak @Rest }
  "bench" { dotnet run --project src/Ptm.Actors.Cli -c Release -- bench @Rest }
  "spec"  { dotnet run --project src/Ptm.Actors.Cli -c Release -- spec specs/ @Rest }
  default { Write-Error "unknown task '$Task' (build, test, pack, soak, bench, spec)"; exit 2 }
}
exit $LASTEXITCODE
