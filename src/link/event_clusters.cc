#include "link/event_clusters.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace claimtrace::link {

namespace {

std::string actor_family(const std::string& code) {
  return code.empty() ? "---" : code.substr(0, std::min<size_t>(3, code.size()));
}

std::string place_of(const Document& d, const Event& e) {
  if (e.location < 0 || static_cast<size_t>(e.location) >= d.entities.size()) return "";
  std::string name = d.entities[static_cast<size_t>(e.location)].name;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace

std::vector<EventCluster> cluster_events(const std::vector<ReportInput>& reports) {
  struct Mention {
    uint32_t report;
    std::string place;
    Certainty certainty;
  };
  std::map<std::string, std::vector<Mention>> by_family;  // "ROOT:SOURCE>TARGET"
  for (uint32_t r = 0; r < reports.size(); ++r) {
    const Document& d = *reports[r].doc;
    for (const Event& e : d.events) {
      if (e.code.size() < 2 || e.negated) continue;
      std::string family = e.code.substr(0, 2) + ":" + actor_family(e.source.code) + ">" +
                           (e.has_target ? actor_family(e.target.code) : "---");
      by_family[family].push_back({r, place_of(d, e), e.certainty});
    }
  }
  std::vector<EventCluster> out;
  for (auto& [family, mentions] : by_family) {
    std::set<std::string> places;
    for (const Mention& m : mentions)
      if (!m.place.empty()) places.insert(m.place);
    std::map<std::string, EventCluster> by_place;
    for (const Mention& m : mentions) {
      // An unplaced mention joins the only known place; with several it stays apart.
      std::string place = m.place.empty() && places.size() == 1 ? *places.begin() : m.place;
      EventCluster& c = by_place[place];
      c.key = family + "@" + place;
      ++c.mentions;
      if (std::find(c.certainties.begin(), c.certainties.end(), m.certainty) ==
          c.certainties.end()) {
        c.certainties.push_back(m.certainty);
        std::sort(c.certainties.begin(), c.certainties.end());
      }
      if (c.reports.empty() || c.reports.back() != m.report) c.reports.push_back(m.report);
    }
    for (auto& [place, c] : by_place) out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const EventCluster& a, const EventCluster& b) {
    return a.reports.size() > b.reports.size();
  });
  return out;
}

}  // namespace claimtrace::link
