using System.Runtime.CompilerServices;

// The spec tests check the termios translation table directly (tests/Ptm.Actors.Specs).
[assembly: InternalsVisibleTo("Ptm.Actors.Specs")]
