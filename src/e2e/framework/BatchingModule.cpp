#include "e2e/framework/BatchingModule.hpp"

namespace e2e::fw {

void BatchingModule::produce(Event& event) const {
  const std::int32_t items = claim(event);
  auto batch = makeBatch();
  for (std::int32_t k = 0; k < items; ++k) {
    batch->items.push_back({&event, k});
    if (static_cast<int>(batch->items.size()) == m_maxBatch || k + 1 == items) {
      process(*batch);
      batch->items.clear();
    }
  }
}

}  // namespace e2e::fw
