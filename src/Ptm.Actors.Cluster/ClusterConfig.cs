using Akka.Configuration;

namespace Ptm.Actors.Cluster;

/// <summary>The HOCON a node runs with: cluster provider, the pair serializer, loopback remoting, keep-majority downing.</summary>
internal static class ClusterConfig
{
    public static Config For(PtyNodeOptions options)
    {
        var seeds = string.Join(", ", options.Seeds.Select(seed => "\"" + seed + "\""));
        var pause = Math.Max(1, (int)options.FailureDetection.TotalMilliseconds);
        var stableAfter = Math.Max(1, (int)(options.DowningDelay ?? options.FailureDetection).TotalMilliseconds);
        var config = ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = {{options.ActorLogLevel}}
              stdout-loglevel = {{options.ActorLogLevel}}
              actor {
                provider = cluster
                serializers.ptm-pair = "Ptm.Actors.Cluster.Serialization.PairSerializer, Ptm.Actors.Cluster"
                serialization-bindings {
                  "Ptm.Actors.Streams.StreamMessage, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.SubsidiaryOpened, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.Connected, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.SubsidiaryClosed, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.Credit, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.Sequenced, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.PeerProbe, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.PairBroken, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.DescribePty, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Pty.PtyDescription, Ptm.Actors" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.RegisterManager, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.ManagerRegistered, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.LookUpName, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.NameFound, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.RegisterSubsidiary, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.OpenAbandoned, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.RememberedManager, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.Recall, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.Recollection, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.CountNames, Ptm.Actors.Cluster" = ptm-pair
                  "Ptm.Actors.Cluster.Directory.NameCount, Ptm.Actors.Cluster" = ptm-pair
                }
              }
              remote.dot-netty.tcp {
                hostname = "{{options.Host}}"
                port = {{options.Port}}
              }
              cluster {
                seed-nodes = [{{seeds}}]
                min-nr-of-members = 1
                # Loopback clusters (issue 17): gossip and leader ticks of 250 ms instead of 1 s bring a
                # joining node up, and a downed one out, a few seconds sooner.
                gossip-interval = 250ms
                leader-actions-interval = 250ms
                unreachable-nodes-reaper-interval = 250ms
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = {{stableAfter}}ms
                }
                failure-detector {
                  heartbeat-interval = 250ms
                  acceptable-heartbeat-pause = {{pause}}ms
                }
                run-coordinated-shutdown-when-down = on
              }
              coordinated-shutdown.exit-clr = off
            }
            """);
        return options.TestHocon is { } test ? ConfigurationFactory.ParseString(test).WithFallback(config) : config;
    }
}
