#pragma once
// A module that works on items (objects) gathered across consecutive events, so that a model sees full batches
// even with one object per event. The scheduler drives it in three steps:
//   claim(event)   serial, in event order: put the event's output product, sized for its items, and say how many
//                  items the event contributes (objects failing the selection are not items: they get no result);
//   process(batch) any thread, several batches at once: read each item's input from its event, run, and write
//                  each item's result into its event's product (distinct items: no two batches touch one value);
// and it releases an event downstream only once every batch holding one of its items has been processed.
#include <cstdint>
#include <memory>
#include <vector>

#include "e2e/framework/Event.hpp"
#include "e2e/framework/Module.hpp"

namespace e2e::fw {

class BatchingModule : public Module {
public:
  struct Item {
    Event* event;
    std::int32_t index;  // the item's position in the event's output product
  };
  // Per-batch working memory (input and output tensors) lives in a derived class: batches are pooled and reused.
  class Batch {
  public:
    virtual ~Batch() = default;
    std::vector<Item> items;
  };

  // maxBatch: items per batch; maxHeldEvents: events a partial batch may keep waiting before it runs anyway (bounds
  // memory and latency when objects are rare).
  BatchingModule(std::string name, int maxBatch, int maxHeldEvents)
      : Module(std::move(name), Category::Tagger), m_maxBatch(maxBatch), m_maxHeldEvents(maxHeldEvents) {}

  int maxBatch() const { return m_maxBatch; }
  int maxHeldEvents() const { return m_maxHeldEvents; }

  virtual std::int32_t claim(Event& event) const = 0;
  virtual std::unique_ptr<Batch> makeBatch() const = 0;
  virtual void process(Batch& batch) const = 0;

  // Without a scheduler (Schedule::process, tests): batches made of this one event's items.
  void produce(Event& event) const override;

private:
  int m_maxBatch, m_maxHeldEvents;
};

}  // namespace e2e::fw
