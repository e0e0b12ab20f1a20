using Xunit.Sdk;

namespace Ptm.Actors.TestKit;

/// <summary>A check of the kit failed (idle never came, teardown found dead letters or errors); the message says what and, seeded, which seed replays it.</summary>
public sealed class TestKitFailure(string message, Exception? inner = null) : XunitException(message, inner);
