using MimeKit;

namespace Omni.Notifications.Sending;

/// <summary>Sends an e-mail: into files by default, over SMTP when configured.</summary>
internal interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>A text message to a phone number.</summary>
internal sealed record Sms(string To, string Text);

/// <summary>Sends an SMS; the built-in one writes files, an SMS gateway plugs in here.</summary>
internal interface ISmsSender
{
    Task SendAsync(Sms message, CancellationToken ct);
}
