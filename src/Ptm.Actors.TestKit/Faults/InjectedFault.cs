namespace Ptm.Actors.TestKit;

/// <summary>The exception FailNextMessage throws when the test gives none.</summary>
public sealed class InjectedFault(string message) : Exception(message);
