using Xunit.Sdk;

namespace Ptm.Actors.TestKit;

/// <summary>An expectation of the kit was not met; the message says who waited, for what, how long, and what came instead.</summary>
public sealed class TestKitFailure(string message, Exception? inner = null) : XunitException(message, inner);
