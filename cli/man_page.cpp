#include "man_page.hpp"

#include <sstream>

namespace rectrack::cli {

namespace {

// Text safe in roff: backslashes escaped, hyphens as \- (so that options
// can be searched and copied), and a line never starting with a control
// character ('.' or ').
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

// "--db TEXT", "rec REC", "--allow-private".
std::string option_label(const CLI::Option& o) {
    std::string label;
    if (o.get_lnames().empty()) {
        label = "\\fI" + roff(o.get_name()) + "\\fR";
    } else {
        for (const auto& l : o.get_lnames())
            label += (label.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff(l) + "\\fR";
        if (o.get_type_size() > 0) label += " \\fI" + roff(o.get_type_name()) + "\\fR";
    }
    return label;
}

void write_options(std::ostream& out, const CLI::App& app) {
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_lnames() == std::vector<std::string>{"help"}) continue;
        out << ".TP\n" << option_label(*o) << "\n" << roff(o->get_description());
        if (o->get_required()) out << " (required)";
        if (!o->get_default_str().empty())
            out << " [default: " << roff(o->get_default_str()) << "]";
        out << "\n";
    }
}

void write_commands(std::ostream& out, const CLI::App& app, const std::string& path) {
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group().empty()) continue;  // hidden
        const std::string name = path + " " + sub->get_name();
        out << ".SS \"" << roff(name) << "\"\n" << roff(sub->get_description()) << "\n";
        write_options(out, *sub);
        write_commands(out, *sub, name);
    }
}

constexpr const char* kTail = R"(.SH EXIT STATUS
.TP
0
Success.
.TP
1
A check found problems (\fBverify\fR, \fBaudit\fR, a failed \fBevidence capture\fR).
.TP
2
Bad usage or input: nothing was recorded.
.TP
3
Storage trouble (missing, locked, read\-only or damaged database): nothing was recorded.
Or standard output could not be written in full (disk full, pipe closed).
.SH ENVIRONMENT
.TP
.B RECTRACK_DB
The database, unless \fB\-\-db\fR is given.
.TP
.B RECTRACK_AUTHOR
Who records, unless \fB\-\-author\fR is given.
.TP
.B RECTRACK_DATA
The folder holding the bundled dataset that \fBinit\fR loads.
.TP
.B RECTRACK_HUGE_PAGES
\fBauto\fR (the default), \fBalways\fR or \fBnever\fR: whether \fBreport\fR,
\fBrecs\fR, \fBverify\fR and \fBimport\fR start again with transparent huge pages for
malloc (glibc's tunable glibc.malloc.hugetlb); \fBauto\fR does from a journal of 32 MiB.
.SH FILES
.TP
.I ./rectrack.db
The database, when nothing else names one.
.TP
.I ./rectrack.toml
Settings: \fBdb\fR, \fBauthor\fR, \fBcontact\fR and link\-check limits.
.SH SEE ALSO
\fBsqlite3\fR(1). Each command also has \fB\-\-help\fR.
)";

}  // namespace

std::string man_page(const CLI::App& root) {
    std::ostringstream out;
    out << ".TH RECTRACK 1 \"\" \"" << roff("rectrack " RECTRACK_VERSION)
        << "\" \"User Commands\"\n"
        << ".SH NAME\nrectrack \\- "
        << roff(root.get_description().substr(root.get_description().find(": ") + 2)) << "\n"
        << ".SH SYNOPSIS\n.B rectrack\n[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR]\n"
        << ".SH DESCRIPTION\n"
        << "rectrack keeps EU measures, status changes, notes and evidence about a report's "
           "recommendations in an append\\-only, hash\\-chained journal in one SQLite file, and "
           "produces quarterly status reports and evidence audits from it.\n"
        << ".SH GLOBAL OPTIONS\n";
    write_options(out, root);
    out << ".SH COMMANDS\n";
    write_commands(out, root, "rectrack");
    out << kTail;
    return out.str();
}

}  // namespace rectrack::cli
