#pragma once
// The event collections a file can hold, by their type name: lets generic modules (event-file reader and writer)
// bind typed handles to products they only know by label and type name.
#include <string_view>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/dataformats/Tracks.hpp"

namespace e2e::modules {

// Calls f.template operator()<T>() for the collection type named `type`; false when it is not a collection.
template <class F>
bool visitCollectionType(std::string_view type, F&& f) {
  auto is = [&]<class T>() {
    if (type != T::kType) return false;
    f.template operator()<T>();
    return true;
  };
  return is.template operator()<GenParticles>() || is.template operator()<EventInfo>() || is.template operator()<EcalHits>() ||
         is.template operator()<HcalHits>() || is.template operator()<TrackerHits>() || is.template operator()<Tracks>() ||
         is.template operator()<Vertices>() || is.template operator()<Photons>() || is.template operator()<Jets>() ||
         is.template operator()<Predictions>();
}

}  // namespace e2e::modules
