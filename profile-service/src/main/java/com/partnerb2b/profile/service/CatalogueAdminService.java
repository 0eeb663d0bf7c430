package com.partnerb2b.profile.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.AttributeChoice;
import com.partnerb2b.profile.repository.AttributeChoiceRepository;
import com.partnerb2b.profile.repository.AttributeRepository;
import com.partnerb2b.profile.repository.AttributeType;
import com.partnerb2b.profile.rest.NewAttributeRequest;
import com.partnerb2b.profile.rest.NewChoiceRequest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Operators extend the catalogue: new attributes, new choices. Existing partners' data is untouched.
 * The caller refreshes {@link CatalogueService} once the transaction has committed.
 */
@ApplicationScoped
public class CatalogueAdminService {

    private final AttributeRepository attributes;
    private final AttributeChoiceRepository choices;

    public CatalogueAdminService(AttributeRepository attributes, AttributeChoiceRepository choices) {
        this.attributes = attributes;
        this.choices = choices;
    }

    @WithTransaction
    public Uni<Attribute> add(NewAttributeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!AttributeType.ALL.contains(request.type())) {
            errors.add(new FieldError("type", "one of " + String.join(", ", AttributeType.ALL)));
        }
        if (request.validation() != null && !AttributeType.VALIDATIONS.contains(request.validation())) {
            errors.add(new FieldError("validation", "one of " + String.join(", ", AttributeType.VALIDATIONS)));
        }
        if (request.regex() != null) {
            try {
                Pattern.compile(request.regex());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError("regex", "not a valid regular expression"));
            }
        }
        boolean hasChoices = request.choices() != null && !request.choices().isEmpty();
        if (AttributeType.CHOICE.equals(request.type()) != hasChoices) {
            errors.add(new FieldError("choices", "required for a choice attribute, and only for one"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ApiException.invalidValue(errors));
        }
        return attributes.named(request.name()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ApiException.conflict("Attribute already exists"));
            }
            Attribute attribute = toAttribute(request);
            return attributes.count().chain(n -> {
                attribute.position = (int) (n + 1) * 10;
                return attributes.persist(attribute);
            }).chain(saved -> hasChoices ? addChoices(saved, request.choices()) : Uni.createFrom().item(saved));
        });
    }

    @WithTransaction
    public Uni<Attribute> addChoice(String attributeName, NewChoiceRequest request) {
        return attributes.named(attributeName).chain(attribute -> {
            if (attribute == null) {
                return Uni.createFrom().failure(new ApiException(404, "attribute_not_found", "Attribute Not Found", null));
            }
            if (!AttributeType.CHOICE.equals(attribute.type)) {
                return Uni.createFrom().failure(ApiException.invalidValue(List.of(new FieldError("attribute", "not a choice attribute"))));
            }
            return choices.count("attribute.id = ?1 and displayedName = ?2", attribute.id, request.displayedName())
                    .chain(n -> n > 0 ? Uni.createFrom().failure(ApiException.conflict("Choice already exists"))
                            : choices.count("attribute.id", attribute.id).chain(count -> addChoice(attribute, request, (int) (count + 1))))
                    .replaceWith(attribute);
        });
    }

    private Uni<Attribute> addChoices(Attribute attribute, List<NewChoiceRequest> requests) {
        List<Uni<AttributeChoice>> added = new ArrayList<>();
        int position = 1;
        for (NewChoiceRequest request : requests) {
            added.add(addChoice(attribute, request, position++));
        }
        return Multi.createFrom().iterable(added).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .map(list -> {
                    attribute.choices = new ArrayList<>(list);
                    return attribute;
                });
    }

    private Uni<AttributeChoice> addChoice(Attribute attribute, NewChoiceRequest request, int position) {
        Uni<Long> requires = request.requires() == null ? Uni.createFrom().nullItem()
                : attributes.named(request.requires()).map(required -> {
                    if (required == null) {
                        throw ApiException.invalidValue(List.of(new FieldError("requires", request.requires() + " does not exist")));
                    }
                    return required.id;
                });
        return requires.chain(requiredId -> {
            AttributeChoice choice = new AttributeChoice();
            choice.attribute = attribute;
            choice.displayedName = request.displayedName();
            choice.position = position;
            choice.requiresAttributeId = requiredId;
            return choices.persist(choice);
        });
    }

    private static Attribute toAttribute(NewAttributeRequest r) {
        Attribute a = new Attribute();
        a.name = r.name();
        a.displayedName = r.displayedName();
        a.type = r.type();
        a.category = r.category();
        a.isRequired = r.isRequired();
        a.validation = r.validation();
        a.sensitiveData = r.sensitiveData() || AttributeType.FILE.equals(r.type());
        a.regex = r.regex();
        a.maxLength = r.maxLength() == null ? 0 : r.maxLength();
        a.minLength = r.minLength() == null ? 0 : r.minLength();
        if (r.maxValue() != null) {
            a.maxValue = r.maxValue();
        }
        if (r.minValue() != null) {
            a.minValue = r.minValue();
        }
        a.isEqualTo = r.isEqualTo();
        a.maxDate = r.maxDate();
        a.minDate = r.minDate();
        a.maxSize = r.maxSize();
        a.acceptedFormat = AttributeType.FILE.equals(r.type()) && r.acceptedFormat() == null ? "pdf" : r.acceptedFormat();
        return a;
    }
}
