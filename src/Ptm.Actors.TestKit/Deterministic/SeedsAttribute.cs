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
    public SeedsAttribute(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        First = first;
        Count = count;
    }

    public int First { get; }
    public int Count { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        for (var i = 0; i < Count; i++) yield return new object[] { First + i };
    }
}
