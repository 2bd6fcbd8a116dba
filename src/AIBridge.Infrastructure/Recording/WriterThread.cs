using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// A dedicated thread that runs the writer's batches one at a time, optionally at the lowest CPU
/// priority. SQLite's work runs on the calling thread, so a batch run here stays here and is scheduled
/// as this thread is, instead of on a pool thread that the relay needs.
/// </summary>
internal sealed class WriterThread : IDisposable
{
    private readonly BlockingCollection<(Func<Task> Work, TaskCompletionSource Done)> _work = new();

    public WriterThread(string name, bool lowestPriority)
    {
        LowestPriority = lowestPriority;
        new Thread(Run) { IsBackground = true, Name = name }.Start();
    }

    public bool LowestPriority { get; }

    /// <summary>
    /// Runs <paramref name="work"/> on this thread; completes when it has, on this thread too: whoever
    /// awaits it (the writer's loop) continues here until it next waits.
    /// </summary>
    /// <remarks>
    /// Synchronous continuations on purpose. Linux threads inherit the nice value of the thread that
    /// creates them, and the thread pool may create a worker on whichever thread queues work to it: a
    /// continuation queued from the background thread could leave a pool thread, and the relay on it,
    /// at nice 19 for good (seen in a test run). Nothing is queued to the pool from here this way.
    /// </remarks>
    public Task RunAsync(Func<Task> work)
    {
        var done = new TaskCompletionSource();
        _work.Add((work, done));
        return done.Task;
    }

    public void Dispose()
    {
        if (!_work.IsAddingCompleted)
        {
            _work.CompleteAdding();
        }
    }

    private void Run()
    {
        if (LowestPriority)
        {
            LowerCurrentThread();
        }

        foreach (var (work, done) in _work.GetConsumingEnumerable())
        {
            try
            {
                // Blocking is the point: on SQLite the batch completes synchronously on this thread. Only
                // a retry's backoff delay resumes elsewhere, and then at normal priority, which is harmless.
                work().GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }

    /// <summary>
    /// Nice 19 on Linux, where the nice value belongs to the thread (<c>setpriority</c> with 0 names the
    /// calling thread); the lowest thread priority elsewhere. Unprivileged Linux processes cannot raise it
    /// again, hence a second thread at normal priority for catching up. Best effort: where the platform
    /// refuses (no such library, no permission), the thread writes at normal priority rather than not at all.
    /// </summary>
    private static void LowerCurrentThread()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                _ = SetPriority(0, 0, 19);
            }
            else
            {
                Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException or ThreadStateException)
        {
            // Normal priority, as the summary says.
        }
    }

    // DllImport rather than LibraryImport: its arguments are plain ints, and the latter needs unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
