namespace Ptm.Actors.Tests.Rules;

/// <summary>
/// The rule index, specs/RULES.md, against the repository: every rule ID cited in src/, tests/
/// or specs/ is indexed, every indexed ID is cited, citations name single IDs, and every rule
/// the index does not mark otherwise has a spec or a test. A failure lists the offending IDs
/// with file:line.
/// </summary>
public class RuleIndexTests
{
    private static readonly string Root = RuleIndex.Root();
    private static readonly List<IndexedRule> Index = RuleIndex.Rows(Root);
    private static readonly Dictionary<string, IndexedRule> ById = Index.ToDictionary(r => r.Id);
    private static readonly List<Citation> Citations = RuleCitations.All(Root);

    /// <summary>The indexed rule a citation names: itself, or the rule of a numbered step (ID.n -> ID); null if neither.</summary>
    private static string? RuleOf(Citation citation)
    {
        if (ById.ContainsKey(citation.Id)) return citation.Id;
        var dot = citation.Id.IndexOf('.');
        return dot > 0 && ById.ContainsKey(citation.Id[..dot]) ? citation.Id[..dot] : null;
    }

    private static string Report(string problem, IEnumerable<string> lines) =>
        problem + Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "  " + l));

    [Fact]
    public void The_index_lists_the_rules_of_rules_tsv_in_the_same_order()
    {
        var source = RuleIndex.SourceIds(Root);
        var indexed = Index.Select(r => r.Id).ToList();
        Assert.True(source.SequenceEqual(indexed), Report(
            $"{RuleIndex.IndexFile} is out of date with {RuleIndex.SourceFile}: run bash specs/rules-index.sh",
            source.Except(indexed).Select(id => $"{id} only in {RuleIndex.SourceFile}")
                .Concat(indexed.Except(source).Select(id => $"{id} only in {RuleIndex.IndexFile}"))
                .DefaultIfEmpty("same IDs, different order")));
    }

    [Fact]
    public void Every_rule_id_cited_in_src_tests_or_specs_is_in_the_index()
    {
        var unknown = Citations.Where(c => RuleOf(c) is null).Select(c => $"{c.Written} at {c.Where}").ToList();
        Assert.True(unknown.Count == 0, Report(
            $"{unknown.Count} citation(s) of IDs that {RuleIndex.IndexFile} does not list (add the rule to {RuleIndex.SourceFile}, or fix the citation):",
            unknown));
    }

    [Fact]
    public void Every_rule_in_the_index_is_cited_outside_the_index()
    {
        var cited = Citations.Select(RuleOf).OfType<string>().ToHashSet();
        var uncited = Index.Where(r => !cited.Contains(r.Id)).Select(r => $"{r.Id} ({RuleIndex.IndexFile}:{r.Line})").ToList();
        Assert.True(uncited.Count == 0, Report(
            $"{uncited.Count} indexed rule(s) cited nowhere in src/, tests/ or specs/ (cite them where they are implemented or specified):",
            uncited));
    }

    [Fact]
    public void No_citation_names_a_range_of_rule_ids()
    {
        var ranges = RuleCitations.Ranges(Root).Select(c => $"{c.Written} at {c.Where}").ToList();
        Assert.True(ranges.Count == 0, Report(
            $"{ranges.Count} range(s) of rule IDs; a range hides the IDs inside it from grep, so list each ID:",
            ranges));
    }

    [Fact]
    public void Every_observable_rule_has_a_spec_or_a_test()
    {
        var missing = new List<string>();
        foreach (var rule in Index.Where(r => r.Observable))
        {
            var citations = Citations.Where(c => RuleOf(c) == rule.Id).ToList();
            if (citations.Any(c => c.InSpec || c.InTest)) continue;
            missing.Add(citations.Count == 0
                ? $"{rule.Id}: cited nowhere"
                : $"{rule.Id}: cited only at {string.Join(", ", citations.Select(c => c.Where))}");
        }
        Assert.True(missing.Count == 0, Report(
            $"{missing.Count} observable rule(s) with no spec (specs/**/*.pty) or test (tests/**/*.cs) citing them (write one, or give the reason it cannot be observed in {RuleIndex.SourceFile}):",
            missing));
    }
}
