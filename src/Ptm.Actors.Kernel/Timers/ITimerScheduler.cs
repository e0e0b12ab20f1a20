namespace Ptm.Actors.Kernel;

/// <summary>
/// Keyed timers bound to an actor's lifetime. Starting a timer with a key in use cancels the old
/// one; after Cancel (or a restart or stop) no message of the old timer is received, even if it
/// was already in the mailbox: each timer has a generation, checked when its message is processed.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan delay);
    void StartPeriodicTimer(object key, object message, TimeSpan interval);
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);
    bool IsTimerActive(object key);
    void Cancel(object key);
    void CancelAll();
}
