using System.Reflection;
using Xunit.Sdk;

namespace Ptm.Actors.TestKit;

/// <summary>
/// Theory data: the seeds first..first+count-1, one test case each, so a failing seed shows in the
/// test's name. Pair with UseSeed(seed) at the top of the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SeedsAttribute : DataAttribute
{
    /// <summary>The seeds <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public SeedsAttribute(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        First = first;
        Count = count;
    }

    /// <summary>The first seed.</summary>
    public int First { get; }

    /// <summary>How many seeds, hence test cases.</summary>
    public int Count { get; }

    /// <summary>One row per seed, each holding the seed as the theory's only argument.</summary>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        for (var i = 0; i < Count; i++) yield return new object[] { First + i };
    }
}
