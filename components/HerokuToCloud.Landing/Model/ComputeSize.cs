namespace HerokuToCloud.Landing;

/// <summary>
/// CPU and memory for one instance, derived from a Heroku dyno size.
/// <see cref="Vcpu"/>/<see cref="MemoryMiB"/> are what the dyno is guaranteed on Heroku;
/// <see cref="LimitVcpu"/>/<see cref="LimitMemoryMiB"/> are what a hard quota must allow for the app
/// to behave as it did (shared dynos burst and tolerate brief memory overuse, so they get headroom).
/// </summary>
public sealed record ComputeSize(string HerokuSize, decimal Vcpu, int MemoryMiB, decimal LimitVcpu, int LimitMemoryMiB);
