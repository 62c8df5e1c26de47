namespace HerokuToCloud.Landing;

/// <summary>
/// An inventory the landing stage cannot map. The message names the inventory key
/// (for example <c>apps[shop-web].processes[web].size</c> or <c>addons[postgresql-curly-123].plan</c>)
/// and says what to change; the CLI prints it as-is.
/// </summary>
public sealed class LandingException : Exception
{
    public LandingException(string message)
        : base(message)
    {
    }

    public LandingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
