using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>Where the program's resources live: the VPC and its two kinds of subnets, as values other resources use.</summary>
/// <param name="VpcId">The VPC id.</param>
/// <param name="PublicSubnetIds">Subnets with a route to the internet gateway: load balancers and NAT gateways only.</param>
/// <param name="PrivateSubnetIds">Subnets without public addresses: tasks, databases, caches.</param>
/// <param name="Managed">True when the program created the VPC (and so also its flow logs and default security group).</param>
internal sealed record NetworkLanding(Value VpcId, Value PublicSubnetIds, Value PrivateSubnetIds, bool Managed);
