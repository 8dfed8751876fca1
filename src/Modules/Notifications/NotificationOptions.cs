namespace Omni.Notifications;

/// <summary><c>Omni:Notifications</c>: where messages go and when pickup reminders are sent.</summary>
internal sealed class NotificationOptions
{
    public const string Section = "Omni:Notifications";

    /// <summary>The sender of every e-mail.</summary>
    public string From { get; set; } = "Omni <no-reply@omni.invalid>";

    /// <summary>Where the file senders write .eml and SMS files; default <c>notifications</c> under <c>Omni:DataDirectory</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>When <see cref="SmtpOptions.Host"/> is set, e-mail goes out over SMTP instead of into files.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How long before an uncollected pickup expires the customer is reminded.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the reminder job looks for reminders that are due.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
