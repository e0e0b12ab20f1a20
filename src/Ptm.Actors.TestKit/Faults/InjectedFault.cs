namespace Ptm.Actors.TestKit.Faults;

/// <summary>The exception FailNextMessage throws when the test gives none.</summary>
public sealed class InjectedFault(string message) : Exception(message);
