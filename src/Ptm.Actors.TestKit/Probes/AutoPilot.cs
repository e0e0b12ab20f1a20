using Ptm.Actors.Kernel;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Runs on the probe actor's own turn for every ordinary message, before the message is queued
/// for the test (so it can reply at once). Return true to keep the pilot, false to switch it off.
/// </summary>
public delegate bool AutoPilot(IActorRef sender, object message);
