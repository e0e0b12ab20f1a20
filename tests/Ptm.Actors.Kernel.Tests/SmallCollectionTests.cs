using Ptm.Actors.Kernel.Collections;

namespace Ptm.Actors.Kernel.Tests;

/// <summary>The one-item-in-a-field sets behind death-watch behave as ordinary sets and maps at every size.</summary>
public class SmallCollectionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void A_small_set_adds_removes_and_lists_like_a_set(int size)
    {
        var set = new SmallSet<string>();
        var items = Enumerable.Range(0, size).Select(i => "item" + i).ToArray();
        foreach (var item in items) Assert.True(set.Add(item));
        foreach (var item in items) Assert.False(set.Add(new string(item.AsSpan()))); // equal, not the same object
        Assert.Equal(items.Order(), Listed(set).Order());
        foreach (var item in items.Take(size / 2)) Assert.True(set.Remove(item));
        Assert.False(set.Remove("missing"));
        Assert.Equal(items.Skip(size / 2).Order(), Listed(set).Order());
        set.Clear();
        Assert.Empty(Listed(set));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void A_small_map_sets_replaces_and_removes_like_a_dictionary(int size)
    {
        var map = new SmallMap<string, object?>();
        var keys = Enumerable.Range(0, size).Select(i => "key" + i).ToArray();
        foreach (var key in keys) Assert.True(map.Set(key, null));
        foreach (var key in keys) Assert.False(map.Set(key, key + "!")); // replaced, not added
        foreach (var key in keys) Assert.True(map.ContainsKey(key));
        Assert.False(map.ContainsKey("missing"));
        foreach (var key in keys)
        {
            Assert.True(map.Remove(key, out var value));
            Assert.Equal(key + "!", value);
            Assert.False(map.ContainsKey(key));
        }
        Assert.False(map.Remove("missing", out _));
        var listed = new List<string>();
        map.ForEachKey(listed, static (key, list) => list.Add(key));
        Assert.Empty(listed);
    }

    private static List<string> Listed(SmallSet<string> set)
    {
        var listed = new List<string>();
        set.ForEach(listed, static (item, list) => list.Add(item));
        return listed;
    }
}
